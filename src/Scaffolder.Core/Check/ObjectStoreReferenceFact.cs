namespace Scaffolder.Core.Check;

/// <summary>The ObjectStore a CNPG Cluster's Barman Cloud Plugin archiver names (<c>parameters.barmanObjectName</c>), in the Cluster's namespace.</summary>
public sealed record ObjectStoreReferenceFact(string Cluster, string Namespace, string Name, SourceLocation Location);
