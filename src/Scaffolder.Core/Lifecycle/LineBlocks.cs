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
        var found = FindOnce(all, lines);
        if (found < 0)
        {
            return null;
        }

        // Key lines the block opened (`env:` above its entries) stay while content of later edits is still under them.
        var keep = KeptHeaders(all, found, lines);
        found += keep;
        var lastRemoved = all[found + lines.Count - keep - 1];
        all.RemoveRange(found, lines.Count - keep);
        if (lastRemoved.Ending.Length == 0 && found > 0 && found == all.Count)
        {
            // The block was the file's last line and had no newline: the line before it loses its newline instead.
            all[^1] = all[^1] with { Ending = string.Empty };
        }

        // A key line above the block that an earlier edit opened and that now has nothing under it goes too.
        while (opened is null && found > 0 && IsHeader(all[found - 1].Content) && Indent(all[found - 1].Content) < Indent(lines[0]) && !HasContentUnder(all, found, all[found - 1].Content))
        {
            found--;
            all.RemoveAt(found);
        }

        if (opened is not null && emptied is not null && found > 0 && all[found - 1].Content == opened
            && (found == all.Count || !Continues(all[found].Content, opened)))
        {
            // The entry was the collection's last: the line it opened becomes empty again.
            all[found - 1] = all[found - 1] with { Content = emptied };
        }

        return string.Concat(all.Select(l => l.Content + l.Ending));
    }

    /// <summary>
    /// <paramref name="text"/> with the block <paramref name="lines"/> (there exactly once) replaced in place by
    /// <paramref name="replacement"/>, written with the block's line ending; null when the block is not there exactly once.
    /// </summary>
    public static string? Replace(string text, IReadOnlyList<string> lines, IReadOnlyList<string> replacement)
    {
        var all = Split(text);
        var found = FindOnce(all, lines);
        if (found < 0)
        {
            return null;
        }

        var ending = all[found].Ending.Length > 0 ? all[found].Ending : "\n";
        var last = all[found + lines.Count - 1].Ending;
        var added = replacement.Select((l, i) => (l, i == replacement.Count - 1 ? last : ending)).ToList();
        all.RemoveRange(found, lines.Count);
        all.InsertRange(found, added);
        return string.Concat(all.Select(l => l.Content + l.Ending));
    }

    /// <summary>
    /// The content of an inserted block without its position: lines unindented, a list item's <c>- </c> taken off, blank
    /// lines dropped. Equal shapes mean an edit would insert the same entry (it changed when they differ).
    /// </summary>
    public static List<string> Shape(IEnumerable<string> lines)
    {
        var list = lines.Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToList();
        if (list.Count == 0)
        {
            return list;
        }

        var indent = list.Min(l => l.Length - l.TrimStart(' ').Length);
        list = list.ConvertAll(l => l[indent..]);
        if (list[0].StartsWith("- ", StringComparison.Ordinal))
        {
            list[0] = list[0][2..];
            for (var i = 1; i < list.Count; i++)
            {
                list[i] = list[i].StartsWith("  ", StringComparison.Ordinal) ? list[i][2..] : list[i];
            }
        }

        return list;
    }

    /// <summary>Where the block <paramref name="lines"/> starts in <paramref name="all"/>: -1 when it is empty, absent or there more than once.</summary>
    private static int FindOnce(List<(string Content, string Ending)> all, IReadOnlyList<string> lines)
    {
        var found = -1;
        for (var i = 0; i + lines.Count <= all.Count && lines.Count > 0; i++)
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
                    return -1;
                }

                found = i;
            }
        }

        return found;
    }

    /// <summary>
    /// How many leading lines of the block at <paramref name="found"/> are bare mapping keys (<c>env:</c>) that the
    /// first content line after the block is indented under: removing them would move that content.
    /// </summary>
    private static int KeptHeaders(List<(string Content, string Ending)> all, int found, IReadOnlyList<string> lines)
    {
        var keep = 0;
        for (var k = 0; k < lines.Count - 1 && IsHeader(lines[k]); k++)
        {
            if (HasContentUnder(all, found + lines.Count, lines[k]))
            {
                keep = k + 1;
            }
        }

        return keep;
    }

    private static int Indent(string s) => s.Length - s.TrimStart(' ').Length;

    /// <summary>A line that is only a mapping key (<c>env:</c>), opening a nested block.</summary>
    private static bool IsHeader(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Length > 1 && trimmed.EndsWith(':') && !trimmed.StartsWith('-') && !trimmed.StartsWith('#') && !trimmed.Contains(": ", StringComparison.Ordinal);
    }

    /// <summary>Whether the first content line from <paramref name="index"/> on is indented under <paramref name="header"/>.</summary>
    private static bool HasContentUnder(List<(string Content, string Ending)> all, int index, string header)
    {
        while (index < all.Count && (all[index].Content.Trim().Length == 0 || all[index].Content.TrimStart().StartsWith('#')))
        {
            index++;
        }

        return index < all.Count && Indent(all[index].Content) > Indent(header);
    }

    /// <summary>Whether <paramref name="line"/> still belongs to the collection under <paramref name="key"/> (an item or deeper content).</summary>
    private static bool Continues(string line, string key)
    {
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
