namespace Scaffolder.Core.Check;

/// <summary>A replica Secret: its namespace and its <c>replicate-from</c> source (<c>ns/name</c>).</summary>
public sealed record ReplicaFact(string Namespace, string Source, SourceLocation Location);
