namespace Scaffolder.Core.Check;

/// <summary>Options of one check run.</summary>
public sealed record CheckOptions
{
    /// <summary>Rule ids to run; empty runs every rule.</summary>
    public IReadOnlyList<string> RuleIds { get; init; } = [];

    /// <summary>Repo-relative path globs of files not to read at all (<c>*</c>, <c>**</c>, <c>?</c>).</summary>
    public IReadOnlyList<string> ExcludeGlobs { get; init; } = [];

    /// <summary>Findings below this severity are left out of the report.</summary>
    public Severity MinSeverity { get; init; } = Severity.Note;

    /// <summary>The number of files checked in parallel; 1 checks on the calling thread.</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Folders of CRD files (<c>--crds</c>), absolute or relative to the repository root, besides <c>check.crds</c>.</summary>
    public IReadOnlyList<string> CrdDirectories { get; init; } = [];

    /// <summary>The largest file read, in bytes; a larger file is skipped with a note (SCF034).</summary>
    public long MaxFileBytes { get; init; } = RepoFileReader.DefaultMaxBytes;
}
