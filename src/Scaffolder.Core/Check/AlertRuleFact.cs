namespace Scaffolder.Core.Check;

/// <summary>A unit (app folder or directory) that has a PrometheusRule.</summary>
public sealed record AlertRuleFact(string Unit);
