using Scaffolder.Core.Hcl;

namespace Scaffolder.Core.Check.Hcl;

/// <summary>
/// Finds the top-level HCL blocks of a file and their direct attributes, reading it with the tool's one HCL lexer (a
/// tolerant one: whatever the file holds, it never fails), so text in strings, comments (<c>#</c>, <c>//</c>,
/// <c>/* */</c>) and heredocs is never taken for a block. It is not a parser: it is enough to tell whether a block
/// sets an attribute. A block header is a line starting, outside any block, with a type and a quoted label; a block
/// written on one line counts too.
/// </summary>
public static class HclBlockScanner
{
    /// <summary>Returns the top-level blocks of <paramref name="text"/> in order.</summary>
    public static IReadOnlyList<HclBlock> Scan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lexer = new HclLexer(text, string.Empty, tolerant: true);
        var tokens = lexer.Tokenize();
        var blocks = new List<HclBlock>();
        var depth = 0;
        var lineStart = true;
        (string Type, string Label, int Line, int Column, HashSet<string> Attributes)? open = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind == HclTokenKind.Newline)
            {
                lineStart = true;
                continue;
            }

            // An item starts a line, or follows the { of a one-line block (variable "x" { default = 1 }).
            var itemStart = lineStart || (i > 0 && tokens[i - 1] is { Kind: HclTokenKind.Punctuation, Text: "{" });
            if (itemStart && token.Kind == HclTokenKind.Identifier)
            {
                var next = tokens[i + 1];
                if (depth == 0 && lineStart && next.Kind == HclTokenKind.QuotedString && next.Start > token.End)
                {
                    var label = next.Text.Length > 1 && next.Text[^1] == '"' ? next.Text[1..^1] : next.Text[1..];
                    open = (token.Text, label, lexer.LineOf(token.Start), token.Start - lexer.LineStartOf(token.Start) + 1, new HashSet<string>(StringComparer.Ordinal));
                }
                else if (depth == 1 && open is not null && next.Kind == HclTokenKind.Punctuation && next.Text.StartsWith('='))
                {
                    open.Value.Attributes.Add(token.Text);
                }
            }

            lineStart = false;
            if (token.Kind != HclTokenKind.Punctuation)
            {
                continue;
            }

            if (token.Text == "{")
            {
                depth++;
            }
            else if (token.Text == "}" && depth > 0 && --depth == 0 && open is { } block)
            {
                blocks.Add(new HclBlock(block.Type, block.Label, block.Line, block.Column, block.Attributes));
                open = null;
            }
        }

        return blocks;
    }
}
