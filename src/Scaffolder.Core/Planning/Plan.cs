namespace Scaffolder.Core.Planning;

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
