namespace Scaffolder.Core.Check.Rules;

/// <summary>SCF017: a versions.env entry not named <c>*_version</c> or not directly under a <c># renovate:</c> line.</summary>
public sealed class VersionsEnvRule(CheckConventions conventions) : IFileRule
{
    /// <inheritdoc />
    public string Id => "SCF017";

    /// <inheritdoc />
    public string Title => "versions.env entry without renovate line";

    /// <inheritdoc />
    public string Principle => "Operational cost: upgrades declarative via Renovate (STACK §6, §8 #9)";

    /// <inheritdoc />
    public string Rationale => "The Renovate regex manager needs `# renovate: datasource=… depName=…` directly above `<name>_version=<value>`; anything else is never updated.";

    /// <inheritdoc />
    public Severity Severity => Severity.Error;

    /// <inheritdoc />
    public string Fix => "Write `# renovate: datasource=<helm|docker|github-releases|github-tags> depName=<name>` and on the next line `<snake_name>_version=<value>`.";

    /// <inheritdoc />
    public void Check(SourceFile file, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(sink);
        foreach (var (line, text) in VersionsFileLines.Of(file, conventions))
        {
            var equals = text.IndexOf('=');
            if (text.Length == 0 || text[0] == '#' || equals <= 0)
            {
                continue;
            }

            var name = text[..equals].ToString();
            var named = name.EndsWith("_version", StringComparison.Ordinal);
            var annotated = file.GetLine(line - 1).TrimStart().StartsWith("# renovate:", StringComparison.Ordinal);
            if (!named || !annotated)
            {
                var problem = (named, annotated) switch
                {
                    (false, false) => "is not named *_version and has no `# renovate:` line above it",
                    (false, true) => "is not named *_version",
                    _ => "has no `# renovate:` line directly above it",
                };
                sink.Report(this, line, 1, $"Entry '{name}' {problem}.");
            }
        }
    }
}
