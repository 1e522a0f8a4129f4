using System.Text.RegularExpressions;

namespace Scaffolder.Core.Check.Hcl;

/// <summary>A top-level HCL block with two labels' worth of header, for example <c>variable "name" { … }</c>.</summary>
/// <param name="Type">The block type, for example <c>variable</c>.</param>
/// <param name="Label">The first label.</param>
/// <param name="Line">The 1-based line of the header.</param>
/// <param name="Column">The 1-based column of the block type.</param>
/// <param name="Attributes">The names of the block's own (depth 1) attributes.</param>
public sealed record HclBlock(string Type, string Label, int Line, int Column, IReadOnlySet<string> Attributes);

/// <summary>
/// A small line-based scanner of top-level HCL blocks and their direct attributes. It tracks braces while
/// skipping strings, comments (<c>#</c>, <c>//</c>, <c>/* */</c>) and heredocs (<c>&lt;&lt;EOT</c>, <c>&lt;&lt;-EOT</c>).
/// It is not a parser: it is enough to tell whether a block sets an attribute.
/// </summary>
public static partial class HclBlockScanner
{
    /// <summary>Returns the top-level blocks of <paramref name="text"/> in order.</summary>
    public static IReadOnlyList<HclBlock> Scan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var blocks = new List<HclBlock>();
        var depth = 0;
        string? heredoc = null;
        var inComment = false;
        (string Type, string Label, int Line, int Column, HashSet<string> Attributes)? open = null;
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].TrimEnd('\r');
            if (heredoc is not null)
            {
                if (line.Trim() == heredoc)
                {
                    heredoc = null;
                }

                continue;
            }

            if (depth == 0 && !inComment && BlockHeader().Match(line) is { Success: true } header)
            {
                open = (header.Groups["type"].Value, header.Groups["label"].Value, index + 1, header.Groups["type"].Index + 1, new HashSet<string>(StringComparer.Ordinal));
            }
            else if (depth == 1 && !inComment && open is not null && Attribute().Match(line) is { Success: true } attribute)
            {
                open.Value.Attributes.Add(attribute.Groups["name"].Value);
            }

            var before = depth;
            depth = ScanLine(line, depth, ref inComment, out heredoc);
            if (before > 0 && depth == 0 && open is { } block)
            {
                blocks.Add(new HclBlock(block.Type, block.Label, block.Line, block.Column, block.Attributes));
                open = null;
            }
        }

        return blocks;
    }

    private static int ScanLine(string line, int depth, ref bool inComment, out string? heredoc)
    {
        heredoc = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (inComment)
            {
                if (c == '*' && i + 1 < line.Length && line[i + 1] == '/')
                {
                    inComment = false;
                    i++;
                }

                continue;
            }

            switch (c)
            {
                case '#':
                    return depth;
                case '/' when i + 1 < line.Length && line[i + 1] == '/':
                    return depth;
                case '/' when i + 1 < line.Length && line[i + 1] == '*':
                    inComment = true;
                    i++;
                    break;
                case '"':
                    i = SkipString(line, i);
                    break;
                case '<' when i + 1 < line.Length && line[i + 1] == '<' && Heredoc().Match(line, i) is { Success: true } marker:
                    heredoc = marker.Groups["marker"].Value;
                    return depth;
                case '{':
                    depth++;
                    break;
                case '}':
                    depth = Math.Max(0, depth - 1);
                    break;
            }
        }

        return depth;
    }

    private static int SkipString(string line, int start)
    {
        for (var i = start + 1; i < line.Length; i++)
        {
            if (line[i] == '\\')
            {
                i++;
            }
            else if (line[i] == '"')
            {
                return i;
            }
        }

        return line.Length;
    }

    [GeneratedRegex(@"^\s*(?<type>[A-Za-z_][\w-]*)\s+""(?<label>[^""]*)""")]
    private static partial Regex BlockHeader();

    [GeneratedRegex(@"^\s*(?<name>[A-Za-z_][\w-]*)\s*=")]
    private static partial Regex Attribute();

    [GeneratedRegex(@"\G<<-?(?<marker>[A-Za-z_]\w*)\s*$")]
    private static partial Regex Heredoc();
}
