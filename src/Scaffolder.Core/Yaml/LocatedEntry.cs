namespace Scaffolder.Core.Yaml;

/// <summary>One key/value pair of a mapping.</summary>
/// <param name="Key">The key scalar (its line and column locate the entry).</param>
/// <param name="Value">The value node.</param>
public sealed record LocatedEntry(LocatedScalar Key, LocatedNode Value);
