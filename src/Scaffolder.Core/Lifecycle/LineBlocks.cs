namespace Scaffolder.Core.Lifecycle;

/// <summary>Lines an edit inserted; <paramref name="Opened"/> and <paramref name="Emptied"/> as in <see cref="RecordedEdit"/>.</summary>
internal sealed record InsertedBlock(IReadOnlyList<string> Lines, string? Opened, string? Emptied);

/// <summary>Blocks of whole lines: what an edit inserted, and taking it out again without touching any other byte.</summary>
internal static class LineBlocks
{
    /// <summary>
    /// The block <paramref name="after"/> inserts into <paramref name="before"/>: one block of new lines, possibly
    /// opened by turning an empty collection line into its key (<c>inputs: []</c> → <c>inputs:</c>). Other changes
    /// give no lines.
    /// </summary>
    public static InsertedBlock Inserted(string before, string after)
    {
        if (before == after)
        {
            return new InsertedBlock([], null, null);
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

        var removed = a.Count - prefix - suffix;
        var added = b.GetRange(prefix, b.Count - prefix - suffix);
        return removed switch
        {
            0 => new InsertedBlock(added, null, null),
            1 when added.Count >= 2 && a[prefix].TrimEnd() is var old && (old.EndsWith("[]", StringComparison.Ordinal) || old.EndsWith("{ }", StringComparison.Ordinal) || old.EndsWith("{}", StringComparison.Ordinal))
                => new InsertedBlock(added.GetRange(1, added.Count - 1), added[0], a[prefix]),
            _ => new InsertedBlock([], null, null),
        };
    }

    /// <summary>
    /// <paramref name="text"/> without the block <paramref name="lines"/> (whole consecutive lines, compared without
    /// their line endings), or null when the block is not there exactly once. The line endings of the other lines,
    /// and a missing final newline, are kept.
    /// </summary>
    public static string? Remove(string text, IReadOnlyList<string> lines, string? opened = null, string? emptied = null)
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

        if (opened is not null && emptied is not null && found > 0 && all[found - 1].Content == opened
            && (found == all.Count || !Continues(all[found].Content, opened)))
        {
            // The entry was the collection's last: the line it opened becomes empty again.
            all[found - 1] = all[found - 1] with { Content = emptied };
        }

        return string.Concat(all.Select(l => l.Content + l.Ending));
    }

    /// <summary>Whether <paramref name="line"/> still belongs to the collection under <paramref name="key"/> (an item or deeper content).</summary>
    private static bool Continues(string line, string key)
    {
        static int Indent(string s) => s.Length - s.TrimStart(' ').Length;
        return line.TrimStart(' ').StartsWith('-') ? Indent(line) >= Indent(key) : line.Trim().Length > 0 && Indent(line) > Indent(key);
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
