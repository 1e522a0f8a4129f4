using System.Text;

namespace Scaffolder.Core.Check.Flux;

/// <summary>Finds and substitutes Flux postBuild placeholders.</summary>
public static class Placeholders
{
    private static readonly string[] DefaultOperators = [":-", ":=", "-", "="];

    /// <summary>The placeholders of <paramref name="text"/> in order, escaped ones included.</summary>
    public static IReadOnlyList<Placeholder> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<Placeholder>();
        var i = text.IndexOf('$', StringComparison.Ordinal);
        while (i >= 0 && i < text.Length - 1)
        {
            var escaped = text[i + 1] == '$';
            var open = escaped ? i + 2 : i + 1;
            if (open < text.Length && text[open] == '{' && Parse(text, open) is var (name, fallback, close) && name.Length > 0)
            {
                found.Add(new Placeholder(i, close - i + 1, name, fallback, escaped));
                i = text.IndexOf('$', close + 1);
                continue;
            }

            i = text.IndexOf('$', escaped ? i + 2 : i + 1);
        }

        return found;
    }

    /// <summary>
    /// <paramref name="text"/> with every placeholder whose variable <paramref name="lookup"/> knows, or that has a
    /// default, replaced; <c>$${x}</c> becomes <c>${x}</c>. <paramref name="unresolved"/> tells whether any stays.
    /// </summary>
    public static string Substitute(string text, Func<string, string?> lookup, out bool unresolved)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(lookup);
        unresolved = false;
        var placeholders = Find(text);
        if (placeholders.Count == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var at = 0;
        foreach (var p in placeholders)
        {
            builder.Append(text, at, p.Start - at);
            if (p.Escaped)
            {
                builder.Append(text, p.Start + 1, p.Length - 1);
            }
            else if (lookup(p.Name) is { } value)
            {
                builder.Append(value);
            }
            else if (p.Default is not null)
            {
                builder.Append(p.Default);
            }
            else
            {
                unresolved = true;
                builder.Append(text, p.Start, p.Length);
            }

            at = p.Start + p.Length;
        }

        builder.Append(text, at, text.Length - at);
        return builder.ToString();
    }

    private static (string Name, string? Default, int Close)? Parse(string text, int open)
    {
        var close = text.IndexOf('}', open);
        if (close < 0)
        {
            return null;
        }

        var inner = text.AsSpan(open + 1, close - open - 1);
        var length = 0;
        while (length < inner.Length && (char.IsAsciiLetter(inner[length]) || inner[length] == '_' || (length > 0 && char.IsAsciiDigit(inner[length]))))
        {
            length++;
        }

        if (length == 0)
        {
            return null;
        }

        var rest = inner[length..].ToString();
        string? fallback = null;
        foreach (var op in DefaultOperators)
        {
            if (rest.StartsWith(op, StringComparison.Ordinal))
            {
                fallback = rest[op.Length..];
                break;
            }
        }

        return (inner[..length].ToString(), fallback, close);
    }
}
