namespace Scaffolder.Core.Hcl;

/// <summary>
/// Aligns the <c>=</c> of consecutive attribute lines the way <c>tofu fmt</c> (hclwrite) does, so templates do not
/// have to pad names: a chain is a run of lines that each hold one complete <c>name = value</c> (brackets balanced;
/// a heredoc opener counts and its body belongs to its line); a blank line, a comment line, a block header, a
/// closing brace or a line opening a multi-line value ends the chain. Within a chain every <c>=</c> is placed one
/// column after the longest name, and exactly one space follows it. Everything else is left as written. Lines are
/// read with the tool's HCL lexer (a tolerant one: the formatter never fails), so brackets and heredoc markers in
/// strings and comments count for nothing.
/// </summary>
public static class HclFormatter
{
    /// <summary>Returns <paramref name="text"/> with attribute chains aligned.</summary>
    public static string AlignAttributes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var lines = normalized.Split('\n');
        var lexer = new HclLexer(normalized, string.Empty, tolerant: true);
        var tokensByLine = new List<HclToken>[lines.Length];
        var inHeredoc = new bool[lines.Length];
        foreach (var token in lexer.Tokenize().Where(t => t.Kind is not (HclTokenKind.Newline or HclTokenKind.EndOfFile)))
        {
            var line = lexer.LineOf(token.Start) - 1;
            (tokensByLine[line] ??= []).Add(token);
            if (token.Kind == HclTokenKind.Heredoc)
            {
                // The body and the closing marker belong to the opener's line.
                for (var body = line + 1; body < lexer.LineOf(token.End); body++)
                {
                    inHeredoc[body] = true;
                }
            }
        }

        var output = new List<string>(lines.Length);
        var chain = new List<(int Index, string Lead, string Value)>();
        var lineStart = 0;
        for (var index = 0; index < lines.Length; lineStart += lines[index].Length + 1, index++)
        {
            var line = lines[index];
            if (inHeredoc[index])
            {
                output.Add(line);
                continue;
            }

            if (AttributeOf(line, lineStart, tokensByLine[index]) is { } attribute)
            {
                chain.Add((output.Count, attribute.Lead, attribute.Value));
                output.Add(line);
                continue;
            }

            Close(chain, output);
            output.Add(line);
        }

        Close(chain, output);
        return string.Join(newline, output);
    }

    /// <summary>
    /// The name (with its indentation) and value of a line that is one complete attribute: it starts with a name or
    /// quoted key, then <c>=</c>, then a value whose brackets balance on the line or a heredoc; null for any other line.
    /// </summary>
    private static (string Lead, string Value)? AttributeOf(string line, int lineStart, List<HclToken>? tokens)
    {
        if (tokens is not { Count: >= 2 } || !IsName(tokens[0]) || tokens[1] is not { Kind: HclTokenKind.Punctuation, Text: "=" }
            || !IsBlank(line, 0, tokens[0].Start - lineStart) || !IsBlank(line, tokens[0].End - lineStart, tokens[1].Start - lineStart))
        {
            return null;
        }

        var value = tokens.Skip(2).ToList();
        var balance = value.Where(t => t.Kind == HclTokenKind.Punctuation).Sum(t => t.Text switch { "(" or "[" or "{" => 1, ")" or "]" or "}" => -1, _ => 0 });
        if (balance != 0 && value is not [{ Kind: HclTokenKind.Heredoc }])
        {
            return null;
        }

        return (line[..(tokens[0].End - lineStart)], line[(tokens[1].End - lineStart)..].Trim());
    }

    /// <summary>An attribute name as aligned: an ASCII identifier, or a closed quoted key without quotes inside (in a template).</summary>
    private static bool IsName(HclToken token)
    {
        var text = token.Text;
        if (token.Kind == HclTokenKind.Identifier)
        {
            return (char.IsAsciiLetter(text[0]) || text[0] == '_') && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
        }

        if (token.Kind != HclTokenKind.QuotedString || text.Length < 2 || text[^1] != '"')
        {
            return false;
        }

        for (var i = 1; i < text.Length - 1; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '"')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsBlank(string line, int from, int to) => from <= to && line.AsSpan(from, to - from).TrimStart(" \t").IsEmpty;

    private static void Close(List<(int Index, string Lead, string Value)> chain, List<string> output)
    {
        var width = chain.Select(c => c.Lead.Length).DefaultIfEmpty(0).Max();
        foreach (var (index, lead, value) in chain)
        {
            output[index] = lead + new string(' ', width - lead.Length + 1) + "= " + value;
        }

        chain.Clear();
    }
}
