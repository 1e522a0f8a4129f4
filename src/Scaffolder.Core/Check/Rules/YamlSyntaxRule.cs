namespace Scaffolder.Core.Check.Rules;

/// <summary>SCF031: a YAML file that does not parse, or a checked file that cannot be read.</summary>
public sealed class YamlSyntaxRule : IFileRule
{
    /// <inheritdoc />
    public string Id => "SCF031";

    /// <inheritdoc />
    public string Title => "Unparseable YAML or unreadable file";

    /// <inheritdoc />
    public string Principle => "Everything as Code: what is in git must apply";

    /// <inheritdoc />
    public string Rationale => "A YAML syntax error fails the Flux Kustomization holding the file, and every rule is blind past the error; a file that cannot be read (a dangling link) is not checked at all.";

    /// <inheritdoc />
    public Severity Severity => Severity.Error;

    /// <inheritdoc />
    public string Fix => "Fix the syntax at the reported line (run yamllint), or the link or permissions of a file that cannot be read.";

    /// <inheritdoc />
    public void Check(SourceFile file, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(sink);
        if (file.Yaml?.Error is { } error)
        {
            sink.Report(this, error.Line, error.Column, error.Message);
        }
    }
}
