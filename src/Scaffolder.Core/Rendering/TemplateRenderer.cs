using System.Globalization;
using System.Text;

namespace Scaffolder.Core.Rendering;

/// <summary>
/// Renders Scriban templates and evaluates Scriban expressions (<c>when:</c>) with the functions templates use, in a
/// sandbox: data reaches templates as <see cref="Scriban.Runtime.ScriptObject"/>s only, undefined variables and
/// members are errors, Prometheus-style <c>{{ $x }}</c> outside an escape block is refused when a template is parsed,
/// and loops, recursion and output are bounded (<see cref="TemplateLimits"/>). Every failure is a one-line
/// <see cref="UserInputException"/> naming the template file, line and column. Values that end up in YAML go
/// through <c>{{ q value }}</c> or <c>{{ yaml value }}</c>; output is never HTML-escaped.
/// </summary>
public sealed class TemplateRenderer
{
    private readonly ScribanEngine engine;

    /// <summary>Creates a renderer with the given partials (name → Scriban text) and the default limits.</summary>
    public TemplateRenderer(IReadOnlyDictionary<string, string> partials)
        : this(partials, TemplateLimits.Default)
    {
    }

    /// <summary>Creates a renderer with the given partials (name → Scriban text) and limits.</summary>
    public TemplateRenderer(IReadOnlyDictionary<string, string> partials, TemplateLimits limits) =>
        engine = new ScribanEngine(partials, limits);

    /// <summary>Renders <paramref name="text"/> against <paramref name="context"/>; <paramref name="source"/> names it in errors.</summary>
    public string Render(string text, IReadOnlyDictionary<string, object?> context, string source) =>
        engine.Render(text, context, source);

    /// <summary>
    /// Parses <paramref name="text"/> into the cache <see cref="Render"/> reads, without rendering it: another thread can
    /// parse what a plan will render while the plan starts. A text that does not parse is left for the render to report.
    /// </summary>
    public void Prepare(string text, string source) => engine.Prepare(text, source);

    /// <summary>
    /// Evaluates the Scriban expression <paramref name="expression"/> (a <c>when:</c>) against <paramref name="context"/>
    /// with template truthiness: null, false, empty text, zero and empty lists are false. Empty means true.
    /// </summary>
    public bool IsTrue(string? expression, IReadOnlyDictionary<string, object?> context, string source) =>
        string.IsNullOrWhiteSpace(expression) || engine.IsTrue(expression, context, source);

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
    /// <c>\uXXXX</c> for controls, line and paragraph separators and the byte-order mark); for HCL, <c>${</c> and <c>%{</c> are doubled so they stay literal.
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
                    // U+2028/2029 are line breaks to a YAML 1.1 reader and U+FEFF a byte-order mark: escaped like controls.
                    if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF')
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
