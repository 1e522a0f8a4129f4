using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Scaffolder.Core.Rendering;

/// <summary>
/// Renders Handlebars text with the helpers templates use. Output is never HTML-escaped; values that end up in
/// YAML go through <c>{{q value}}</c>, which always produces a valid double-quoted YAML scalar. Text in the subset
/// <see cref="SubsetTemplate"/> covers (all built-in templates) is interpreted directly; anything else, and every
/// error, goes to Handlebars.Net, which is only loaded when needed.
/// </summary>
public sealed class TemplateRenderer
{
    private readonly IReadOnlyDictionary<string, string> partials;
    private readonly SubsetEnvironment subset;
    private readonly ConcurrentDictionary<string, SubsetTemplate?> parsed = new(StringComparer.Ordinal);
    private HandlebarsRenderer? handlebars;

    /// <summary>Creates a renderer with the given partials (name → Handlebars text).</summary>
    public TemplateRenderer(IReadOnlyDictionary<string, string> partials)
    {
        this.partials = partials;
        subset = new SubsetEnvironment(partials);
    }

    /// <summary>
    /// When set (by the tests), every text the subset renders is rendered by Handlebars.Net too, and a difference
    /// throws: the subset must never change an output.
    /// </summary>
    internal static bool VerifySubsetAgainstHandlebars { get; set; }

    /// <summary>Renders <paramref name="text"/> against <paramref name="context"/>; <paramref name="source"/> names it in errors.</summary>
    public string Render(string text, object context, string source)
    {
        if (parsed.GetOrAdd(text, SubsetTemplate.TryParse) is { } template)
        {
            try
            {
                var output = template.Render(context, subset);
                if (VerifySubsetAgainstHandlebars && RenderWithHandlebars(text, context, source) is var expected && expected != output)
                {
                    throw new InvalidOperationException($"{source}: the Handlebars subset rendered\n{output}\nbut Handlebars.Net renders\n{expected}");
                }

                return output;
            }
            catch (SubsetUnsupportedException)
            {
                // Something outside the subset at run time (a missing name, a value that is not text...): Handlebars.Net decides.
            }
        }

        return RenderWithHandlebars(text, context, source);
    }

    private string RenderWithHandlebars(string text, object context, string source) =>
        LazyInitializer.EnsureInitialized(ref handlebars, () => new HandlebarsRenderer(partials)).Render(text, context, source);

    /// <summary>Formats a value as text (invariant culture, lowercase booleans).</summary>
    public static string Text(object? value) => value switch
    {
        null => string.Empty,
        bool flag => flag ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>Formats a string as a double-quoted YAML scalar that parses back to exactly the same string.</summary>
    public static string Quote(string value) => DoubleQuoted(value, escapeTemplates: false);

    /// <summary>Formats a string as an HCL quoted string that evaluates to exactly the same text (templates escaped).</summary>
    public static string HclQuote(string value) => DoubleQuoted(value, escapeTemplates: true);

    /// <summary>
    /// Double-quotes with the escapes YAML and HCL share (<c>\"</c>, <c>\\</c>, <c>\n</c>, <c>\r</c>, <c>\t</c>,
    /// <c>\uXXXX</c>); for HCL, <c>${</c> and <c>%{</c> are doubled so they stay literal.
    /// </summary>
    private static string DoubleQuoted(string value, bool escapeTemplates)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '$' or '%' when escapeTemplates && i + 1 < value.Length && value[i + 1] == '{': builder.Append(c).Append(c); break;
                default:
                    if (char.IsControl(c))
                    {
                        builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }
}
