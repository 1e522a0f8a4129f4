namespace Scaffolder.Core.Evaluation;

/// <summary>An existing technology layer of the stack, as listed in the architecture review.</summary>
/// <param name="Id">Stable key used to merge repository overrides (kebab-case, e.g. <c>cache-kv</c>).</param>
/// <param name="Layer">The review's "Layer" column, e.g. <c>Cache/KV</c>.</param>
/// <param name="Technology">The review's "Technology" column, e.g. <c>Dragonfly</c>.</param>
/// <param name="Purpose">The review's "Purpose" column.</param>
/// <param name="Names">Spellings of the existing technology itself.</param>
/// <param name="Capabilities">Short phrases describing what the layer covers.</param>
/// <param name="Alternatives">Well-known alternatives the layer already covers.</param>
public sealed record StackLayer(
    string Id,
    string Layer,
    string Technology,
    string Purpose,
    IReadOnlyList<string> Names,
    IReadOnlyList<string> Capabilities,
    IReadOnlyList<StackAlternative> Alternatives);
