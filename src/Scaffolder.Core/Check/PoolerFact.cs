namespace Scaffolder.Core.Check;

/// <summary>A Pooler of a CNPG cluster.</summary>
public sealed record PoolerFact(string Cluster);
