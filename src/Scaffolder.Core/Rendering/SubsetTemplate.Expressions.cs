using System.Globalization;

namespace Scaffolder.Core.Rendering;

/// <summary>Expressions: paths, literals and helper calls.</summary>
internal sealed partial class SubsetTemplate
{
    // ---- expressions -----------------------------------------------------------------------------------------------

    private abstract record Expression;

    private sealed record Literal(object Value) : Expression;

    /// <summary>A path: <c>Up</c> contexts out (<c>../</c>), from the root (<c>@root</c>) or a data variable (<c>@first</c>).</summary>
    private sealed record PathExpression(int Up, bool FromRoot, string? DataName, string[] Segments) : Expression;

    private sealed record Call(string Helper, Expression[] Arguments) : Expression;

    private static class ExpressionParser
    {
        /// <summary>A mustache's inside: a path alone, or a helper with arguments.</summary>
        public static Expression? ParseCall(string text)
        {
            var parts = Split(text);
            if (parts is null || parts.Count == 0)
            {
                return null;
            }

            if (parts.Count == 1)
            {
                // Only a path: a lone helper name would be a call without arguments, and Handlebars.Net writes
                // nothing for a lone literal ({{true}}, {{"x"}}, {{1}}).
                return ParseArgument(parts[0]) as PathExpression;
            }

            return CallOf(parts);
        }

        /// <summary>A partial's inside: its name, then <c>key=value</c> pairs.</summary>
        public static PartialNode? ParsePartial(string text, string? indent)
        {
            var parts = Split(text);
            if (parts is null || parts.Count == 0 || !IsIdentifier(parts[0]))
            {
                return null;
            }

            var hash = new (string, Expression)[parts.Count - 1];
            for (var i = 1; i < parts.Count; i++)
            {
                var equals = parts[i].IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0 || !IsIdentifier(parts[i][..equals]) || ParseArgument(parts[i][(equals + 1)..]) is not { } value)
                {
                    return null;
                }

                hash[i - 1] = (parts[i][..equals], value);
            }

            return new PartialNode(parts[0], hash, indent);
        }

        /// <summary>One argument: a literal, a path or a parenthesised subexpression.</summary>
        public static Expression? ParseArgument(string text)
        {
            text = text.Trim();
            if (text.Length == 0)
            {
                return null;
            }

            if (text[0] == '(')
            {
                return text[^1] == ')' && Split(text[1..^1]) is { Count: > 1 } parts ? CallOf(parts) : null;
            }

            if (text[0] is '"' or '\'')
            {
                return text.Length >= 2 && text[^1] == text[0] && text.IndexOf('\\', StringComparison.Ordinal) < 0
                    && text.IndexOf(text[0], 1) == text.Length - 1
                    ? new Literal(text[1..^1])
                    : null;
            }

            if (text is "true" or "false")
            {
                return new Literal(text == "true");
            }

            if (char.IsAsciiDigit(text[0]) || text[0] == '-')
            {
                return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? new Literal(number) : null;
            }

            return ParsePath(text);
        }

        private static Call? CallOf(List<string> parts)
        {
            if (!SubsetEnvironment.IsHelper(parts[0]))
            {
                return null;
            }

            var arguments = new Expression[parts.Count - 1];
            for (var i = 1; i < parts.Count; i++)
            {
                if (parts[i].Contains('=', StringComparison.Ordinal) && parts[i][0] is not ('"' or '\'' or '('))
                {
                    return null; // hash arguments to helpers are not in the subset
                }

                if (ParseArgument(parts[i]) is not { } argument)
                {
                    return null;
                }

                arguments[i - 1] = argument;
            }

            return new Call(parts[0], arguments);
        }

        private static PathExpression? ParsePath(string text)
        {
            var up = 0;
            while (text.StartsWith("../", StringComparison.Ordinal))
            {
                up++;
                text = text[3..];
            }

            string? dataName = null;
            var fromRoot = false;
            var segments = text.Split('.');
            if (segments[0].StartsWith('@'))
            {
                if (up > 0)
                {
                    return null;
                }

                if (segments[0] == "@root")
                {
                    fromRoot = true;
                }
                else if (segments.Length == 1 && segments[0] is "@index" or "@first" or "@last" or "@key")
                {
                    dataName = segments[0][1..];
                }
                else
                {
                    return null;
                }

                segments = segments[1..];
            }
            else if (segments[0] == "this")
            {
                segments = segments[1..];
            }

            foreach (var segment in segments)
            {
                if (!IsIdentifier(segment) || segment == "this")
                {
                    return null;
                }
            }

            // A name that is also a helper's is a call in Handlebars.Net, even where an argument is expected.
            if (up == 0 && !fromRoot && dataName is null && segments.Length > 0 && text == segments[0] && SubsetEnvironment.IsHelper(segments[0]))
            {
                return null;
            }

            return new PathExpression(up, fromRoot, dataName, segments);
        }

        private static bool IsIdentifier(string text)
        {
            if (text.Length == 0)
            {
                return false;
            }

            foreach (var c in text)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Splits on whitespace outside quotes and parentheses; null when they do not balance.</summary>
        private static List<string>? Split(string text)
        {
            var parts = new List<string>();
            var depth = 0;
            var start = -1;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (start < 0 && !char.IsWhiteSpace(c))
                {
                    start = i;
                }

                if (c is '"' or '\'')
                {
                    var end = text.IndexOf(c, i + 1);
                    if (end < 0)
                    {
                        return null;
                    }

                    i = end;
                }
                else if (c == '(')
                {
                    depth++;
                }
                else if (c == ')')
                {
                    if (--depth < 0)
                    {
                        return null;
                    }
                }
                else if (char.IsWhiteSpace(c) && depth == 0 && start >= 0)
                {
                    parts.Add(text[start..i]);
                    start = -1;
                }
            }

            if (depth != 0)
            {
                return null;
            }

            if (start >= 0)
            {
                parts.Add(text[start..]);
            }

            return parts;
        }
    }
}
