namespace Scaffolder.Core.Lifecycle;

/// <summary>A template composed by the root request.</summary>
public sealed record RecordedInclude(string Template, string Name, string? Cluster);
