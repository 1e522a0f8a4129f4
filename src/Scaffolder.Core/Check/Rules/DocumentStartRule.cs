namespace Scaffolder.Core.Check.Rules;

/// <summary>SCF029: a manifest file that does not start with <c>---</c>.</summary>
public sealed class DocumentStartRule(CheckConventions conventions) : IFileRule
{
    /// <inheritdoc />
    public string Id => "SCF029";

    /// <inheritdoc />
    public string Title => "File does not start with ---";

    /// <inheritdoc />
    public string Principle => "DRY and Code Reuse: one file layout (STACK §7, §8 #15)";

    /// <inheritdoc />
    public string Rationale => "Files of the stack open with `---` (after header comments) so that concatenation and multi-document edits stay valid.";

    /// <inheritdoc />
    public Severity Severity => Severity.Note;

    /// <inheritdoc />
    public string Fix => "Add `---` as the first line after any header comments.";

    /// <inheritdoc />
    public void Check(SourceFile file, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(sink);
        if (file.Kind != SourceKind.Yaml || !file.RelativePath.StartsWith(conventions.KubernetesPath, StringComparison.Ordinal))
        {
            return;
        }

        for (var line = 1; line <= file.LineCount; line++)
        {
            var text = file.GetLine(line).Trim();
            if (text.IsEmpty || text[0] == '#')
            {
                continue;
            }

            if (!text.StartsWith("---", StringComparison.Ordinal))
            {
                sink.Report(this, line, 1, "The first document does not start with `---`.");
            }

            return;
        }
    }
}
