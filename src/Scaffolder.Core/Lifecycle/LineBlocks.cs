namespace Scaffolder.Core.Lifecycle;

/// <summary>Blocks of whole lines: what an edit inserted, and taking it out again without touching any other byte.</summary>
internal static class LineBlocks
{
    /// <summary>The lines <paramref name="after"/> has beyond <paramref name="before"/> when it only inserts one block of lines; otherwise empty.</summary>
    public static IReadOnlyList<string> Inserted(string before, string after)
    {
        if (before == after)
        {
            return [];
        }

        var a = Split(before).ConvertAll(l => l.Content);
        var b = Split(after).ConvertAll(l => l.Content);
        var prefix = 0;
        while (prefix < a.Count && prefix < b.Count && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }

        return a.Count - prefix - suffix == 0 ? b.GetRange(prefix, b.Count - prefix - suffix) : [];
    }

    /// <summary>
    /// <paramref name="text"/> without the block <paramref name="lines"/> (whole consecutive lines, compared without
    /// their line endings), or null when the block is not there exactly once. The line endings of the other lines,
    /// and a missing final newline, are kept.
    /// </summary>
    public static string? Remove(string text, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            return null;
        }

        var all = Split(text);
        var found = -1;
        for (var i = 0; i + lines.Count <= all.Count; i++)
        {
            var match = true;
            for (var j = 0; j < lines.Count && match; j++)
            {
                match = all[i + j].Content == lines[j];
            }

            if (match)
            {
                if (found >= 0)
                {
                    return null;
                }

                found = i;
            }
        }

        if (found < 0)
        {
            return null;
        }

        var lastRemoved = all[found + lines.Count - 1];
        all.RemoveRange(found, lines.Count);
        if (lastRemoved.Ending.Length == 0 && found > 0 && found == all.Count)
        {
            // The block was the file's last line and had no newline: the line before it loses its newline instead.
            all[^1] = all[^1] with { Ending = string.Empty };
        }

        return string.Concat(all.Select(l => l.Content + l.Ending));
    }

    /// <summary>The lines of a text with their endings (<c>\n</c>, <c>\r\n</c>, or none for a last line without one).</summary>
    private static List<(string Content, string Ending)> Split(string text)
    {
        var result = new List<(string, string)>();
        var start = 0;
        while (start < text.Length)
        {
            var newline = text.IndexOf('\n', start);
            if (newline < 0)
            {
                result.Add((text[start..], string.Empty));
                break;
            }

            var end = newline > start && text[newline - 1] == '\r' ? newline - 1 : newline;
            result.Add((text[start..end], text[end..(newline + 1)]));
            start = newline + 1;
        }

        return result;
    }
}
