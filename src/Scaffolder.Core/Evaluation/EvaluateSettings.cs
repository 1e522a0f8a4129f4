namespace Scaffolder.Core.Evaluation;

/// <summary>
/// The <c>evaluate:</c> section of a repository's <c>.scaffold.yaml</c>: layers to add to, or override in,
/// the built-in stack catalog. See <see cref="StackCatalog.Extend(EvaluateSettings)"/> for the merge rules.
/// </summary>
public sealed class EvaluateSettings
{
    /// <summary>Layers to add or override, in the same shape as the built-in catalog's layers.</summary>
    public IList<LayerDefinition> Layers { get; init; } = [];

    /// <summary>
    /// Reads the <c>evaluate:</c> section from the full text of a <c>.scaffold.yaml</c>, ignoring every other
    /// top-level section. Returns empty settings when the section is absent.
    /// </summary>
    /// <exception cref="StackCatalogException">The section is malformed.</exception>
    public static EvaluateSettings FromScaffoldYaml(string scaffoldYaml) => CatalogYaml.ReadEvaluateSection(scaffoldYaml);
}
