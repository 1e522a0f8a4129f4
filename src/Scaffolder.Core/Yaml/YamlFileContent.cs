namespace Scaffolder.Core.Yaml;

/// <summary>The documents of one YAML file, and the syntax error that stopped reading it, if any.</summary>
/// <param name="Documents">The documents read before any error.</param>
/// <param name="Error">The syntax error, or null.</param>
public sealed record YamlFileContent(IReadOnlyList<LocatedDocument> Documents, YamlSyntaxError? Error);
