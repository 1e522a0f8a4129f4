using System.Text;

namespace Scaffolder.Core.Rendering;

/// <summary>Tokenizing, Handlebars' standalone-line rules and building the tree.</summary>
internal sealed partial class SubsetTemplate
{
    // ---- tokens ------------------------------------------------------------------------------------------------

    private enum Kind
    {
        Text,
        Value,
        Open,
        Else,
        Close,
        Partial,
    }

    private sealed class Token(Kind kind, string text)
    {
        public Kind Kind { get; } = kind;

        /// <summary>Text as written (for Text tokens) or the tag's inside (for tags).</summary>
        public string Original { get; } = text;

        /// <summary>Text after standalone stripping.</summary>
        public string Value { get; set; } = text;

        public bool LeftStripped { get; set; }

        public bool RightStripped { get; set; }

        public string? Indent { get; set; }
    }

    private static List<Token>? Tokenize(string text)
    {
        var tokens = new List<Token>();
        var pending = new StringBuilder();
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf("{{", position, StringComparison.Ordinal);
            if (open < 0)
            {
                pending.Append(text, position, text.Length - position);
                break;
            }

            var backslashes = 0;
            while (open - backslashes - 1 >= position && text[open - backslashes - 1] == '\\')
            {
                backslashes++;
            }

            if (backslashes == 1)
            {
                // \{{ is a literal {{ (Handlebars' escaped mustache).
                pending.Append(text, position, open - 1 - position).Append("{{");
                position = open + 2;
                continue;
            }

            if (backslashes == 2)
            {
                // \\{{x}} is one backslash, then the mustache.
                pending.Append(text, position, open - 1 - position);
            }
            else if (backslashes > 2)
            {
                return null;
            }
            else
            {
                pending.Append(text, position, open - position);
            }

            var close = CloseOf(text, open + 2);
            if (close < 0)
            {
                return null;
            }

            var inside = text[(open + 2)..close];
            var tag = Classify(inside);
            if (tag is null)
            {
                return null;
            }

            if (pending.Length > 0)
            {
                tokens.Add(new Token(Kind.Text, pending.ToString()));
                pending.Clear();
            }

            tokens.Add(tag);
            position = close + 2;
        }

        if (pending.Length > 0)
        {
            tokens.Add(new Token(Kind.Text, pending.ToString()));
        }

        return tokens;
    }

    /// <summary>The index of the <c>}}</c> closing a tag whose inside starts at <paramref name="start"/>, skipping quoted strings.</summary>
    private static int CloseOf(string text, int start)
    {
        for (var i = start; i < text.Length - 1; i++)
        {
            var c = text[i];
            if (c is '"' or '\'')
            {
                var end = text.IndexOf(c, i + 1);
                if (end < 0)
                {
                    return -1;
                }

                i = end;
            }
            else if (c == '}' && text[i + 1] == '}')
            {
                return i;
            }
        }

        return -1;
    }

    private static Token? Classify(string inside)
    {
        if (inside.Length == 0 || inside[0] == '{' || inside.Contains('~', StringComparison.Ordinal))
        {
            return null;
        }

        var trimmed = inside.Trim();
        return inside[0] switch
        {
            '#' => new Token(Kind.Open, inside[1..].Trim()),
            '/' => new Token(Kind.Close, inside[1..].Trim()),
            '>' => new Token(Kind.Partial, inside[1..].Trim()),
            '!' or '^' or '&' or '*' or '=' => null,
            _ when trimmed == "else" => new Token(Kind.Else, "else"),
            _ when trimmed.StartsWith("else ", StringComparison.Ordinal) => null,
            _ => new Token(Kind.Value, trimmed),
        };
    }

    // ---- standalone lines (handlebars.js WhitespaceControl, applied to the flat token list) -----------------------

    /// <summary>Strips standalone lines; false when a corner where Handlebars.Net departs from handlebars.js is met.</summary>
    private static bool ApplyStandaloneRules(List<Token> tokens)
    {
        var last = tokens.Count - 1;
        for (var i = 0; i <= last; i++)
        {
            var token = tokens[i];
            if (token.Kind is Kind.Text or Kind.Value)
            {
                continue;
            }

            var before = i > 0 ? tokens[i - 1] : null;
            var after = i < last ? tokens[i + 1] : null;
            var startsLine = i == 0 || (before is { Kind: Kind.Text } && EndsWithBlankLine(before.Original, atStart: i - 1 == 0));
            var endsLine = i == last || (after is { Kind: Kind.Text } && StartsWithBlankLine(after.Original, atEnd: i + 1 == last));
            switch (token.Kind)
            {
                case Kind.Open:
                    // The block's first content must start with a line break (an empty body never qualifies).
                    if (startsLine && after is { Kind: Kind.Text } && StartsWithBlankLine(after.Original, atEnd: false))
                    {
                        StripRight(after);
                        StripLeft(before);
                    }

                    break;
                case Kind.Close:
                    if (endsLine && before is { Kind: Kind.Text } && EndsWithBlankLine(before.Original, atStart: false))
                    {
                        StripRight(after);
                        StripLeft(before);
                    }

                    break;
                case Kind.Else:
                    if (before is { Kind: Kind.Text } && EndsWithBlankLine(before.Original, atStart: false)
                        && after is { Kind: Kind.Text } && StartsWithBlankLine(after.Original, atEnd: false))
                    {
                        StripLeft(before);
                        StripRight(after);
                    }

                    break;
                case Kind.Partial:
                    if (startsLine && endsLine)
                    {
                        if (before is not null && EndsWithSpacedLineBreak(before.Original))
                        {
                            // Handlebars.Net indents such a partial by the previous line's trailing blanks, unlike
                            // handlebars.js; leave that corner to it rather than copy it.
                            return false;
                        }

                        StripRight(after);
                        if (StripLeft(before))
                        {
                            var original = before!.Original;
                            var start = original.Length;
                            while (start > 0 && original[start - 1] is ' ' or '\t')
                            {
                                start--;
                            }

                            token.Indent = original[start..];
                        }
                    }

                    break;
            }
        }

        return true;
    }

    /// <summary>Whether the text ends with spaces or tabs and then one line break.</summary>
    private static bool EndsWithSpacedLineBreak(string text)
    {
        var end = text.EndsWith("\r\n", StringComparison.Ordinal) ? text.Length - 2 : text.EndsWith('\n') ? text.Length - 1 : -1;
        return end > 0 && text[end - 1] is ' ' or '\t';
    }

    /// <summary>Whether the text after its last line break (or all of it, at the template's start) is only spaces and tabs.</summary>
    private static bool EndsWithBlankLine(string text, bool atStart)
    {
        var newline = text.LastIndexOf('\n');
        if (newline < 0 && !atStart)
        {
            return false;
        }

        for (var i = newline + 1; i < text.Length; i++)
        {
            if (text[i] is not (' ' or '\t'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the text before its first line break (or all of it, at the template's end) is blank.</summary>
    private static bool StartsWithBlankLine(string text, bool atEnd)
    {
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        if (newline < 0 && !atEnd)
        {
            return false;
        }

        // Blank means spaces and tabs (and the CR of a CRLF): Handlebars.Net keeps a line holding any other whitespace.
        var end = newline < 0 ? text.Length : newline;
        for (var i = 0; i < end; i++)
        {
            if (text[i] is not (' ' or '\t') && !(text[i] == '\r' && i == end - 1 && newline >= 0))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Removes leading spaces and tabs and one line break (once per token).</summary>
    private static void StripRight(Token? token)
    {
        if (token is not { Kind: Kind.Text } || token.RightStripped)
        {
            return;
        }

        var value = token.Value;
        var i = 0;
        while (i < value.Length && value[i] is ' ' or '\t')
        {
            i++;
        }

        if (i < value.Length && value[i] == '\r' && i + 1 < value.Length && value[i + 1] == '\n')
        {
            i += 2;
        }
        else if (i < value.Length && value[i] == '\n')
        {
            i++;
        }

        token.Value = value[i..];
        token.RightStripped = i > 0;
    }

    /// <summary>Removes trailing spaces and tabs (once per token); true when something was removed.</summary>
    private static bool StripLeft(Token? token)
    {
        if (token is not { Kind: Kind.Text } || token.LeftStripped)
        {
            return false;
        }

        var value = token.Value;
        var end = value.Length;
        while (end > 0 && value[end - 1] is ' ' or '\t')
        {
            end--;
        }

        token.Value = value[..end];
        token.LeftStripped = end < value.Length;
        return token.LeftStripped;
    }
}
