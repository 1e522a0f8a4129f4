using Scaffolder.Core.Config;
using Scaffolder.Core.IO;

namespace Scaffolder.Core.Evaluation;

/// <summary>
/// Loads the stack catalog of a repository: the built-in catalog extended by the <c>evaluate:</c> section of its
/// <c>.scaffold.yaml</c>. <c>scaffold evaluate</c>, the <c>stack-fit</c> data provider of <c>scaffold new adr</c>
/// and check rule SCF033 all use it, so they agree on what overlaps.
/// </summary>
public static class RepoStackCatalog
{
    private static readonly Lazy<StackCatalog> BuiltInCatalog = new(StackCatalog.LoadDefault);

    /// <summary>The built-in catalog, parsed once per process (catalogs are immutable).</summary>
    public static StackCatalog BuiltIn => BuiltInCatalog.Value;

    /// <summary>
    /// The catalog of the repository at <paramref name="repoRoot"/>: the built-in one when it has no
    /// <c>.scaffold.yaml</c> or no <c>evaluate:</c> section, else the built-in one extended by it.
    /// </summary>
    /// <exception cref="UserInputException">The <c>evaluate:</c> section is malformed or incomplete.</exception>
    /// <param name="fileSystem">The file system.</param>
    /// <param name="repoRoot">The repository root.</param>
    /// <param name="limits">Bounds on the configuration file read (the defaults when null).</param>
    public static StackCatalog Load(IFileSystem fileSystem, string repoRoot, InputLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentNullException.ThrowIfNull(repoRoot);
        var text = ConfigLoader.ReadText(fileSystem, repoRoot, limits ?? InputLimits.Default);
        if (text is null)
        {
            return BuiltIn;
        }

        try
        {
            var settings = EvaluateSettings.FromScaffoldYaml(text);
            return settings.Layers.Count == 0 ? BuiltIn : BuiltIn.Extend(settings);
        }
        catch (StackCatalogException ex)
        {
            throw new UserInputException($"{ConfigLoader.FileName}: evaluate: {ex.Message}");
        }
    }
}
