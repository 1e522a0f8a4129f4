using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check.Rules;

/// <summary>SCF032: a suppression annotation or comment without a reason.</summary>
public sealed class IgnoreReasonRule(CheckConventions conventions) : IManifestRule, IFileRule
{
    /// <inheritdoc />
    public string Id => "SCF032";

    /// <inheritdoc />
    public string Title => "Suppression without reason";

    /// <inheritdoc />
    public string Principle => "Continuous Improvement: exceptions are documented";

    /// <inheritdoc />
    public string Rationale => "A suppression without a reason cannot be reviewed or revisited; it suppresses nothing until a reason is given.";

    /// <inheritdoc />
    public Severity Severity => Severity.Warning;

    /// <inheritdoc />
    public string Fix => $"Write the reason after `--`: {conventions.IgnoreAnnotation}: \"SCF001 -- why this is acceptable\".";

    /// <inheritdoc />
    public void Check(SourceFile file, LocatedDocument document, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(sink);
        if (document.Annotations?.Get(conventions.IgnoreAnnotation) is LocatedScalar value && !IgnoreAnnotation.Parse(value.Value).HasReason)
        {
            sink.Report(this, value, $"The annotation {conventions.IgnoreAnnotation}: '{value.Value}' gives no reason after `--`.");
        }
    }

    /// <summary>Reports the <c># scaffold:ignore</c> comments of a file that give no reason.</summary>
    public void Check(SourceFile file, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        foreach (var line in LineSuppression.Find(file))
        {
            if (!line.Ignore.HasReason)
            {
                sink.Report(this, line.CommentLine, 1, $"The comment `# {conventions.IgnoreComment}` on line {line.CommentLine} gives no reason after `--`.");
            }
        }
    }
}
