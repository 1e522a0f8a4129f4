namespace Scaffolder.Core.Check;

/// <summary>A CNPG Cluster.</summary>
public sealed record PostgresClusterFact(string Name, SourceLocation Location);
