using System.Collections;

namespace Scaffolder.Core.Templates;

/// <summary>
/// Evaluates the small condition language of <c>template.yaml</c>: <c>name</c>, <c>!name</c>, <c>name == value</c>,
/// <c>name != value</c>, <c>name contains value</c> (a name may be dotted to read into a tree: <c>data.key</c>), joined with <c>&amp;&amp;</c> or <c>||</c> (no parentheses;
/// <c>&amp;&amp;</c> binds tighter). A name is truthy when it is set, not false, not empty and not an empty list.
/// </summary>
public static class Condition
{
    /// <summary>Evaluates <paramref name="expression"/> against <paramref name="values"/>; empty means true.</summary>
    public static bool Evaluate(string? expression, IReadOnlyDictionary<string, object?> values)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return true;
        }

        return expression.Split("||").Any(any => any.Split("&&").All(term => Term(term.Trim(), values, expression)));
    }

    private static bool Term(string term, IReadOnlyDictionary<string, object?> values, string expression)
    {
        foreach (var op in new[] { "==", "!=", " contains " })
        {
            var at = term.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                var value = Lookup(term[..at].Trim(), values, expression);
                var operand = term[(at + op.Length)..].Trim();
                return op switch
                {
                    "==" => string.Equals(Rendering.TemplateRenderer.Text(value), operand, StringComparison.Ordinal),
                    "!=" => !string.Equals(Rendering.TemplateRenderer.Text(value), operand, StringComparison.Ordinal),
                    _ => value is IEnumerable items && value is not string && items.Cast<object?>().Any(i => string.Equals(Rendering.TemplateRenderer.Text(i), operand, StringComparison.Ordinal)),
                };
            }
        }

        return term.StartsWith('!') ? !Truthy(Lookup(term[1..].Trim(), values, expression)) : Truthy(Lookup(term, values, expression));
    }

    private static object? Lookup(string name, IReadOnlyDictionary<string, object?> values, string expression)
    {
        var parts = name.Split('.');
        if (!values.TryGetValue(parts[0], out var value))
        {
            throw new UserInputException($"condition '{expression}' names '{parts[0]}', which is not a parameter, variable or data");
        }

        // A dotted name reads into data and config trees (requirements.tagged); a missing key is null.
        foreach (var part in parts.Skip(1))
        {
            value = value is IDictionary map && map.Contains(part) ? map[part] : null;
        }

        return value;
    }

    /// <summary>Whether a value counts as true in conditions.</summary>
    public static bool Truthy(object? value) => value switch
    {
        null => false,
        bool flag => flag,
        string text => text.Length > 0 && text != "false",
        ICollection collection => collection.Count > 0,
        _ => true,
    };
}
