namespace Scaffolder.Core.Evaluation;

/// <summary>An alternative as written in YAML.</summary>
public sealed class AlternativeDefinition
{
    /// <summary>Canonical name.</summary>
    public string? Name { get; init; }

    /// <summary>Other spellings.</summary>
    public IList<string>? Aliases { get; init; }

    /// <summary>Why the existing technology covers it.</summary>
    public string? Reason { get; init; }
}
