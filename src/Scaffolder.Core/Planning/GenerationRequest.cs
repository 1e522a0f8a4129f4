namespace Scaffolder.Core.Planning;

/// <summary>What to generate.</summary>
/// <param name="TemplateId">The template.</param>
/// <param name="Name">The positional name.</param>
/// <param name="Options">Raw option values by kebab-case parameter name.</param>
/// <param name="Clusters">Target clusters; empty means the configured default.</param>
/// <param name="Force">Overwrite conflicting files.</param>
public sealed record GenerationRequest(
    string TemplateId,
    string Name,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Options,
    IReadOnlyList<string> Clusters,
    bool Force = false);
