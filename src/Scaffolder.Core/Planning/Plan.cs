namespace Scaffolder.Core.Planning;

/// <summary>What applying a plan does to one file.</summary>
public enum ChangeAction
{
    /// <summary>The file does not exist and is created.</summary>
    Create,

    /// <summary>An existing file is edited in place (or overwritten with <c>--force</c>).</summary>
    Update,

    /// <summary>The file already has exactly the planned content.</summary>
    Identical,

    /// <summary>An existing file with other content is kept (the template's if-exists policy is <c>skip</c>).</summary>
    Keep,

    /// <summary>The file is deleted (<c>scaffold remove</c>, or <c>update</c> of a file the template no longer has).</summary>
    Delete,

    /// <summary>An existing file has other content; nothing is written unless forced.</summary>
    Conflict,
}

/// <summary>One file of a plan.</summary>
/// <param name="Path">Repository-relative path with forward slashes.</param>
/// <param name="Action">What happens to the file.</param>
/// <param name="Before">The file's bytes when planned (null when it does not exist).</param>
/// <param name="After">The planned bytes.</param>
/// <param name="Details">What changed, e.g. the inserted entries.</param>
public sealed record PlannedChange(string Path, ChangeAction Action, byte[]? Before, byte[] After, IReadOnlyList<string> Details);

/// <summary>A rendered, validated set of changes to a repository; nothing is written until it is applied.</summary>
/// <param name="RepoRoot">Absolute repository root.</param>
/// <param name="Changes">One entry per file, in a stable order.</param>
/// <param name="Messages">What the user must do next (for example SSM parameters to create).</param>
public sealed record Plan(string RepoRoot, IReadOnlyList<PlannedChange> Changes, IReadOnlyList<string> Messages)
{
    /// <summary>Whether any file conflicts.</summary>
    public bool HasConflicts => Changes.Any(c => c.Action == ChangeAction.Conflict);

    /// <summary>Whether applying would write anything.</summary>
    public bool HasWrites => Changes.Any(c => c.Action is ChangeAction.Create or ChangeAction.Update or ChangeAction.Delete);

    /// <summary>
    /// The real location, when planned, of every folder the plan writes into and of their parents (repository-relative
    /// path, '' for the root → real absolute path): the applier checks each again right before writing into it.
    /// </summary>
    public IReadOnlyDictionary<string, string> RealDirectories { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}

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
