namespace Scaffolder.Core.Check;

/// <summary>A GarageKey and its namespace.</summary>
public sealed record GarageKeyFact(string Namespace, string Name, SourceLocation Location);
