namespace Scaffolder.Core.Evaluation;

/// <summary>A weaker hint: the stated purpose mentions capabilities an existing layer covers.</summary>
/// <param name="LayerId">Catalog id of the layer.</param>
/// <param name="Layer">Layer name.</param>
/// <param name="ExistingTechnology">The layer's technology.</param>
/// <param name="MatchedCapabilities">The capabilities the purpose mentions.</param>
public sealed record PossibleOverlap(
    string LayerId,
    string Layer,
    string ExistingTechnology,
    IReadOnlyList<string> MatchedCapabilities);
