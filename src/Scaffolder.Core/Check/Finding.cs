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
