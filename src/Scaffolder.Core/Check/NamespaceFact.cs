namespace Scaffolder.Core.Check;

/// <summary>A Namespace object and its labels.</summary>
public sealed record NamespaceFact(string Name, IReadOnlySet<string> Labels, SourceLocation Location);
