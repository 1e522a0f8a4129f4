namespace Scaffolder.Core.Check;

/// <summary>One finding of a rule.</summary>
/// <param name="RuleId">The stable rule id, for example <c>SCF001</c>.</param>
/// <param name="Severity">The rule's severity.</param>
/// <param name="File">The repo-relative path with forward slashes.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column.</param>
/// <param name="Message">What is wrong, naming the object.</param>
/// <param name="Fix">How to fix it, naming the <c>scaffold</c> command when a template exists.</param>
/// <param name="Suppressed">Whether an ignore annotation or an ignored path suppresses it.</param>
public sealed record Finding(
    string RuleId,
    Severity Severity,
    string File,
    int Line,
    int Column,
    string Message,
    string Fix,
    bool Suppressed = false);

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
