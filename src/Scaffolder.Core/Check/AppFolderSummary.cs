namespace Scaffolder.Core.Check;

/// <summary>
/// What the app-folder rule needs of one app folder, folded from its <see cref="AppFileFact"/>s so memory grows with
/// the number of folders, not files.
/// </summary>
public sealed class AppFolderSummary
{
    /// <summary>Creates the summary of a folder from its first file.</summary>
    public AppFolderSummary(string folder, SourceLocation firstFile)
    {
        Folder = folder;
        FirstFile = firstFile;
    }

    /// <summary>The app folder (repo-relative, trailing slash).</summary>
    public string Folder { get; }

    /// <summary>Where the first file of the folder (in file order) starts.</summary>
    public SourceLocation FirstFile { get; }

    /// <summary>Where the first <c>kustomization.yaml</c> of the folder starts, if any.</summary>
    public SourceLocation? KustomizationLocation { get; set; }

    /// <summary>Whether any file of the folder declares a HelmRelease or Namespace.</summary>
    public bool HasAppManifest { get; set; }

    /// <summary>The names of the required app files present.</summary>
    public HashSet<string> RequiredFilesPresent { get; } = new(StringComparer.Ordinal);
}
