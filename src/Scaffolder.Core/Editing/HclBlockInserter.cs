using Scaffolder.Core.Hcl;
using Scaffolder.Core.Text;

namespace Scaffolder.Core.Editing;

/// <summary>
/// Appends an HCL block (for example a <c>unit "name" { … }</c> entry of a <c>terragrunt.stack.hcl</c>) at the end of
/// a file, after one blank line. A top-level block with the same header (its type and labels) already in the file
/// leaves it unchanged; the file is read with the tool's HCL lexer, so a header in a comment, string or heredoc is no
/// block, and a file that does not lex (one ending inside a comment, say) is refused naming its line.
/// </summary>
public sealed class HclBlockInserter : IInserter
{
    /// <inheritdoc />
    public string Name => "hcl-block";

    /// <inheritdoc />
    public string Apply(EditableText file, string insertion, IReadOnlyDictionary<string, string> args, string displayPath)
    {
        var block = insertion.TrimEnd('\r', '\n').Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var header = new HclLexer(insertion, $"the block for {displayPath}").Tokenize().TakeWhile(t => t.Kind != HclTokenKind.Newline && !IsPunctuation(t, "{")).ToList();
        if (HasTopLevelBlock(new HclLexer(file.Text, displayPath).Tokenize(), header))
        {
            return file.Text;
        }

        var lines = new Lines(file.Text);
        var last = lines.Count - 1;
        while (last >= 0 && lines[last].Trim().Length == 0)
        {
            last--;
        }

        return last < 0 ? string.Join(file.Newline, block) + file.Newline : file.InsertLinesAfter(lines.EndOf(last), ["", .. block]);
    }

    /// <summary>Whether a line outside any block starts with the tokens of <paramref name="header"/> followed by <c>{</c>.</summary>
    private static bool HasTopLevelBlock(List<HclToken> tokens, List<HclToken> header)
    {
        var depth = 0;
        var lineStart = true;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (lineStart && depth == 0 && i + header.Count < tokens.Count && IsPunctuation(tokens[i + header.Count], "{")
                && header.Select((h, k) => h.Kind == tokens[i + k].Kind && h.Text == tokens[i + k].Text).All(same => same))
            {
                return true;
            }

            lineStart = token.Kind == HclTokenKind.Newline;
            depth += IsPunctuation(token, "{") ? 1 : IsPunctuation(token, "}") && depth > 0 ? -1 : 0;
        }

        return false;
    }

    private static bool IsPunctuation(HclToken token, string text) => token.Kind == HclTokenKind.Punctuation && token.Text == text;
}
