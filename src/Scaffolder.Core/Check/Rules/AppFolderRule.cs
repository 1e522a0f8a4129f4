namespace Scaffolder.Core.Check.Rules;

/// <summary>SCF023: an app folder missing a required file, or out of step with the app registry.</summary>
public sealed class AppFolderRule(CheckConventions conventions) : IRepositoryRule
{
    /// <inheritdoc />
    public string Id => "SCF023";

    /// <inheritdoc />
    public string Title => "Incomplete app folder";

    /// <inheritdoc />
    public string Principle => "New Application: HelmRelease via ResourceSet, Namespace, monitoring (STACK §1 variant A, §8 #11)";

    /// <inheritdoc />
    public string Rationale => "A self-contained app folder carries its namespace, chart source, release, kustomization, canary and alerts, and its registry input names it; anything less is deployed half-way or not at all.";

    /// <inheritdoc />
    public Severity Severity => Severity.Error;

    /// <inheritdoc />
    public string Fix => "Add the missing files and the registry input; `scaffold new app <name>` generates the full folder.";

    /// <inheritdoc />
    public void Check(RepoFacts facts, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(sink);
        var appFolders = new List<(string Folder, SourceLocation At)>();
        var appFolderNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in facts.AppFolders)
        {
            if (!folder.HasAppManifest)
            {
                continue;
            }

            var at = folder.KustomizationLocation ?? folder.FirstFile;
            appFolders.Add((folder.Folder, at));
            appFolderNames.Add(folder.Folder);
            var missing = conventions.RequiredAppFiles.Where(r => !folder.RequiredFilesPresent.Contains(r)).ToList();
            if (missing.Count > 0)
            {
                sink.Report(this, at.File, at.Line, at.Column, $"App folder {folder.Folder} lacks {(missing.Count == 1 ? missing[0] : string.Join(", ", missing[..^1]) + " and " + missing[^1])}.");
            }
        }

        // Two inputs may point at one folder (one of them is then misnamed, and reported here): a set, not a dictionary.
        var inputFolders = facts.RegistryInputs.Select(i => i.Path + "/").ToHashSet(StringComparer.Ordinal);
        foreach (var input in facts.RegistryInputs)
        {
            var folder = input.Path + "/";
            var expected = input.Path[(input.Path.LastIndexOf('/') + 1)..];
            if (appFolderNames.Contains(folder) && input.Name != expected)
            {
                var at = input.Location;
                sink.Report(this, at.File, at.Line, at.Column, $"Registry input '{input.Name}' points at app folder {folder}, whose name is '{expected}'.");
            }
        }

        var registeredParents = facts.RegistryInputs.Select(i => ParentOf(i.Path + "/")).ToHashSet(StringComparer.Ordinal);
        foreach (var (folder, at) in appFolders.Where(a => registeredParents.Contains(ParentOf(a.Folder)) && !inputFolders.Contains(a.Folder)))
        {
            sink.Report(this, at.File, at.Line, at.Column, $"App folder {folder} has no input in the app registry.");
        }
    }

    private static string ParentOf(string folder)
    {
        var trimmed = folder.TrimEnd('/');
        return trimmed[..(trimmed.LastIndexOf('/') + 1)];
    }
}
