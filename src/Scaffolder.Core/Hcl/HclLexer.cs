using System.Text;

namespace Scaffolder.Core.Hcl;

/// <summary>Kinds of <see cref="HclToken"/>.</summary>
internal enum HclTokenKind
{
    Identifier,
    Number,
    QuotedString,
    Heredoc,
    Punctuation,
    Newline,
    EndOfFile,
}

/// <summary>A token of HCL native syntax: its kind and the source span it covers.</summary>
internal sealed record HclToken(HclTokenKind Kind, int Start, int End, string Text);

/// <summary>
/// The one lexer of HCL native syntax in the tool, enough to find the structure of a file (attributes, blocks,
/// brackets): it skips <c>#</c>, <c>//</c> and <c>/* */</c> comments, reads quoted strings with escapes and nested
/// <c>${…}</c>/<c>%{…}</c> templates, and heredocs (<c>&lt;&lt;EOT</c>, <c>&lt;&lt;-EOT</c>). The variable reader,
/// the check's block scanner, the formatter and the block inserter all read HCL through it.
/// </summary>
/// <remarks>
/// Malformed input is a <see cref="UserInputException"/> naming the file and line, unless the lexer is tolerant
/// (for readers that must take whatever a user wrote and never fail: the check and the formatter): then a string
/// left open ends at the end of its line, a comment or heredoc left open at the end of the text, and any other
/// character it does not know is a one-character punctuation token.
/// </remarks>
internal sealed class HclLexer
{
    private static readonly string[] Operators = ["...", "==", "!=", "<=", ">=", "=>", "&&", "||"];
    private readonly string text;
    private readonly string displayPath;
    private readonly bool tolerant;
    private readonly List<int> lineStarts = [0];
    private int position;

    /// <summary>A lexer of <paramref name="text"/>; errors name <paramref name="displayPath"/> unless <paramref name="tolerant"/>.</summary>
    public HclLexer(string text, string displayPath, bool tolerant = false)
    {
        this.text = text;
        this.displayPath = displayPath;
        this.tolerant = tolerant;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lineStarts.Add(i + 1);
            }
        }
    }

    public string Text => text;

    /// <summary>The 1-based line of a source position.</summary>
    public int LineOf(int offset)
    {
        var index = lineStarts.BinarySearch(offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }

    /// <summary>The offset at which the line holding <paramref name="offset"/> starts.</summary>
    public int LineStartOf(int offset) => lineStarts[LineOf(offset) - 1];

    /// <summary>The leading whitespace of the line holding <paramref name="offset"/>.</summary>
    public string IndentOf(int offset)
    {
        var start = lineStarts[LineOf(offset) - 1];
        var end = start;
        while (end < text.Length && text[end] is ' ' or '\t')
        {
            end++;
        }

        return text[start..end];
    }

    public UserInputException Error(int offset, string message) => new($"{displayPath}:{LineOf(offset)}: {message}");

    public List<HclToken> Tokenize()
    {
        var tokens = new List<HclToken>();
        while (true)
        {
            var token = Next();
            tokens.Add(token);
            if (token.Kind == HclTokenKind.EndOfFile)
            {
                return tokens;
            }
        }
    }

    private HclToken Next()
    {
        SkipSpaceAndComments();
        if (position >= text.Length)
        {
            return new HclToken(HclTokenKind.EndOfFile, text.Length, text.Length, string.Empty);
        }

        var start = position;
        var c = text[position];
        if (c == '\n')
        {
            position++;
            return Make(HclTokenKind.Newline, start);
        }

        if (c == '"')
        {
            try
            {
                position = SkipQuoted(text, position + 1, this);
            }
            catch (UserInputException) when (tolerant)
            {
                var lineEnd = text.IndexOf('\n', start);
                position = lineEnd < 0 ? text.Length : lineEnd;
            }

            return Make(HclTokenKind.QuotedString, start);
        }

        if (c == '<' && Peek(1) == '<' && Heredoc(start) is { } heredoc)
        {
            return heredoc;
        }

        if (char.IsDigit(c))
        {
            while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] == '.'
                || (text[position] is '+' or '-' && text[position - 1] is 'e' or 'E')))
            {
                position++;
            }

            return Make(HclTokenKind.Number, start);
        }

        if (char.IsLetter(c) || c == '_')
        {
            while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] is '_' or '-'))
            {
                position++;
            }

            return Make(HclTokenKind.Identifier, start);
        }

        foreach (var op in Operators)
        {
            if (string.CompareOrdinal(text, position, op, 0, op.Length) == 0)
            {
                position += op.Length;
                return Make(HclTokenKind.Punctuation, start);
            }
        }

        if ("{}[]()=,.:?!+-*/%<>".Contains(c, StringComparison.Ordinal) || tolerant)
        {
            position++;
            return Make(HclTokenKind.Punctuation, start);
        }

        throw Error(start, $"unexpected character '{Printable(c)}'");
    }

    private HclToken Make(HclTokenKind kind, int start) => new(kind, start, position, text[start..position]);

    private char Peek(int offset) => position + offset < text.Length ? text[position + offset] : '\0';

    private void SkipSpaceAndComments()
    {
        while (position < text.Length)
        {
            var c = text[position];
            if (c is ' ' or '\t' or '\r' or '\uFEFF')
            {
                position++;
            }
            else if (c == '#' || (c == '/' && Peek(1) == '/'))
            {
                while (position < text.Length && text[position] != '\n')
                {
                    position++;
                }
            }
            else if (c == '/' && Peek(1) == '*')
            {
                var end = text.IndexOf("*/", position + 2, StringComparison.Ordinal);
                if (end < 0 && !tolerant)
                {
                    throw Error(position, "unterminated /* comment");
                }

                position = end < 0 ? text.Length : end + 2;
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>A heredoc from its <c>&lt;&lt;</c>; null (tolerant lexers only) when <c>&lt;&lt;</c> opens none, and the <c>&lt;</c> is read as punctuation.</summary>
    private HclToken? Heredoc(int start)
    {
        var cursor = position + 2;
        var flush = cursor < text.Length && text[cursor] == '-';
        if (flush)
        {
            cursor++;
        }

        var markerStart = cursor;
        while (cursor < text.Length && (char.IsLetterOrDigit(text[cursor]) || text[cursor] is '_' or '-'))
        {
            cursor++;
        }

        var marker = text[markerStart..cursor];
        var lineEnd = text.IndexOf('\n', cursor);
        if (marker.Length == 0 || !char.IsLetter(marker[0]) || lineEnd < 0 || text[cursor..lineEnd].Trim().Length > 0)
        {
            return tolerant ? null : throw Error(start, "a heredoc must be <<MARKER or <<-MARKER followed by a line break");
        }

        var lineStart = lineEnd + 1;
        while (lineStart <= text.Length)
        {
            var next = text.IndexOf('\n', lineStart);
            var line = next < 0 ? text[lineStart..] : text[lineStart..next];
            if (line.Trim() == marker)
            {
                position = lineStart + line.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
                return Make(HclTokenKind.Heredoc, start);
            }

            if (next < 0)
            {
                break;
            }

            lineStart = next + 1;
        }

        if (tolerant)
        {
            position = text.Length;
            return Make(HclTokenKind.Heredoc, start);
        }

        throw Error(start, $"unterminated heredoc: no line '{marker}' closes <<{(flush ? "-" : string.Empty)}{marker}");
    }

    /// <summary>Skips a quoted string whose opening quote is before <paramref name="index"/>; returns the index after the closing quote.</summary>
    private static int SkipQuoted(string text, int index, HclLexer lexer)
    {
        var open = index - 1;
        while (index < text.Length)
        {
            var c = text[index];
            switch (c)
            {
                case '"':
                    return index + 1;
                case '\\':
                    if (index + 1 >= text.Length || text[index + 1] == '\n')
                    {
                        throw lexer.Error(index, "unterminated string: a backslash ends the line");
                    }

                    index += 2;
                    continue;
                case '\n':
                    throw lexer.Error(open, "unterminated string: a quoted string cannot span lines");
                case '$' or '%' when index + 1 < text.Length && text[index + 1] == c && index + 2 < text.Length && text[index + 2] == '{':
                    index += 3;
                    continue;
                case '$' or '%' when index + 1 < text.Length && text[index + 1] == '{':
                    index = SkipTemplate(text, index + 2, lexer);
                    continue;
                default:
                    index++;
                    continue;
            }
        }

        throw lexer.Error(open, "unterminated string");
    }

    /// <summary>Skips a <c>${…}</c> or <c>%{…}</c> sequence from after its <c>{</c>; returns the index after the matching <c>}</c>.</summary>
    private static int SkipTemplate(string text, int index, HclLexer lexer)
    {
        var open = index - 2;
        var depth = 1;
        while (index < text.Length)
        {
            var c = text[index];
            if (c == '"')
            {
                index = SkipQuoted(text, index + 1, lexer);
                continue;
            }

            if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && --depth == 0)
            {
                return index + 1;
            }

            index++;
        }

        throw lexer.Error(open, $"unterminated {text.Substring(open, 2)} template sequence");
    }

    /// <summary>The value of a quoted string token: escapes decoded, <c>$${</c>/<c>%%{</c> unescaped, templates kept as written.</summary>
    public string DecodeQuoted(HclToken token)
    {
        var builder = new StringBuilder();
        var end = token.End - 1;
        var i = token.Start + 1;
        while (i < end)
        {
            var c = text[i];
            if (c == '\\')
            {
                var e = text[i + 1];
                switch (e)
                {
                    case 'n': builder.Append('\n'); i += 2; continue;
                    case 't': builder.Append('\t'); i += 2; continue;
                    case 'r': builder.Append('\r'); i += 2; continue;
                    case '"': builder.Append('"'); i += 2; continue;
                    case '\\': builder.Append('\\'); i += 2; continue;
                    case 'u' or 'U':
                        var digits = e == 'u' ? 4 : 8;
                        if (i + 2 + digits > end || !int.TryParse(text.AsSpan(i + 2, digits), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var code)
                            || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
                        {
                            throw Error(i, $"invalid \\{e} escape in string");
                        }

                        builder.Append(char.ConvertFromUtf32(code));
                        i += 2 + digits;
                        continue;
                    default:
                        throw Error(i, $"invalid escape sequence \\{Printable(e)} in string");
                }
            }

            if (c is '$' or '%' && i + 2 < end && text[i + 1] == c && text[i + 2] == '{')
            {
                builder.Append(c).Append('{');
                i += 3;
                continue;
            }

            if (c is '$' or '%' && i + 1 < end && text[i + 1] == '{')
            {
                var close = SkipTemplate(text, i + 2, this);
                builder.Append(text, i, close - i);
                i = close;
                continue;
            }

            builder.Append(c);
            i++;
        }

        return builder.ToString();
    }

    /// <summary>The value of a heredoc token: its lines (for <c>&lt;&lt;-</c> without their common indentation), without the final line break.</summary>
    public static string DecodeHeredoc(HclToken token)
    {
        var raw = token.Text;
        var flush = raw.StartsWith("<<-", StringComparison.Ordinal);
        var firstBreak = raw.IndexOf('\n', StringComparison.Ordinal);
        var lastBreak = raw.LastIndexOf('\n');
        var lines = firstBreak == lastBreak
            ? []
            : raw[(firstBreak + 1)..lastBreak].Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n').ToList();
        if (flush)
        {
            var indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart(' ', '\t').Length).DefaultIfEmpty(0).Min();
            lines = lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart(' ', '\t')).ToList();
        }

        return string.Join('\n', lines).Replace("$${", "${", StringComparison.Ordinal).Replace("%%{", "%{", StringComparison.Ordinal);
    }

    private static string Printable(char c) => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString();
}
