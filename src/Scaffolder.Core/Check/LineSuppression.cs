namespace Scaffolder.Core.Check;

/// <summary>
/// A per-line suppression comment, <c># scaffold:ignore SCF017 -- reason</c>, for files where no annotation can go
/// (Helm values, kustomization entries, <c>.env</c> files). At the end of a line it suppresses findings on that line;
/// on its own line it suppresses findings on the next line that is neither blank nor a comment, so in a versions.env
/// it may stand directly above the entry or above the entry's <c># renovate:</c> line (which must stay directly above
/// the pin). In <c>.env</c> files only the own-line form counts: kustomize would read an inline one as part of the value.
/// </summary>
/// <param name="CommentLine">The 1-based line of the comment.</param>
/// <param name="TargetLine">The 1-based line whose findings it suppresses.</param>
/// <param name="Ignore">The rule ids and the reason.</param>
public sealed record LineSuppression(int CommentLine, int TargetLine, IgnoreAnnotation Ignore)
{
    /// <summary>The suppression comments of <paramref name="file"/>, in line order.</summary>
    public static IReadOnlyList<LineSuppression> Find(SourceFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var marker = file.Conventions.IgnoreComment;
        if (!file.Text.Contains(marker, StringComparison.Ordinal))
        {
            return [];
        }

        var found = new List<LineSuppression>();
        for (var line = 1; line <= file.LineCount; line++)
        {
            var text = file.GetLine(line);
            var at = text.IndexOf(marker, StringComparison.Ordinal);
            var hash = at < 0 ? -1 : text[..at].LastIndexOf('#');
            if (hash < 0 || !text[(hash + 1)..at].IsWhiteSpace())
            {
                continue;
            }

            var ignore = IgnoreAnnotation.Parse(text[(at + marker.Length)..].ToString());
            if (!text[..hash].IsWhiteSpace())
            {
                if (file.Kind != SourceKind.Env)
                {
                    found.Add(new LineSuppression(line, line, ignore));
                }

                continue;
            }

            var target = line + 1;
            while (target <= file.LineCount && (file.GetLine(target).IsWhiteSpace() || file.GetLine(target).TrimStart().StartsWith('#')))
            {
                target++;
            }

            found.Add(new LineSuppression(line, target, ignore));
        }

        return found;
    }
}
