namespace Scaffolder.Core.Check;

/// <summary>The result of a check run.</summary>
/// <param name="Findings">All findings at or above the minimum severity, suppressed ones included, ordered by file, line, column and rule id.</param>
/// <param name="Rules">The rules that ran, ordered by id (for report metadata).</param>
/// <param name="FilesScanned">The number of files checked: read, and under the paths asked for (all files without paths).</param>
/// <param name="ManifestsScanned">The number of manifests in the files checked.</param>
/// <param name="ElapsedMilliseconds">The wall-clock time of the run.</param>
public sealed record CheckReport(
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<ICheckRule> Rules,
    int FilesScanned,
    int ManifestsScanned,
    long ElapsedMilliseconds)
{
    /// <summary>Unsuppressed findings with severity error.</summary>
    public int Errors => Count(Severity.Error);

    /// <summary>Unsuppressed findings with severity warning.</summary>
    public int Warnings => Count(Severity.Warning);

    /// <summary>Unsuppressed findings with severity note.</summary>
    public int Notes => Count(Severity.Note);

    /// <summary>Suppressed findings of any severity.</summary>
    public int Suppressed => Findings.Count(f => f.Suppressed);

    /// <summary>Whether any unsuppressed finding is present (the CLI exits 1 then).</summary>
    public bool HasFindings => Findings.Any(f => !f.Suppressed);

    private int Count(Severity severity) => Findings.Count(f => !f.Suppressed && f.Severity == severity);
}
