using Scriban;
using Scriban.Syntax;

namespace Scaffolder.Core.Rendering;

/// <summary>
/// Refuses a Prometheus, Alertmanager or Grafana template (<c>{{ $labels.instance }}</c>, <c>{{ $value }}</c>) written
/// outside a Scriban escape block: Scriban reads it as its own variable, and <c>{{ $value }}</c> would render as
/// nothing without an error. No template of this tool has a use for <c>$</c> variables.
/// </summary>
internal static class DollarVariables
{
    public static void Refuse(Template template, string text, string source)
    {
        var finder = new Finder();
        finder.Visit(template.Page);
        if (finder.Found is not { } variable)
        {
            return;
        }

        var span = variable.Span;
        var shown = ShownExpression(text, span) ?? $"{{{{ {variable} }}}}";
        throw new UserInputException(
            $"{ScribanEngine.Locate(span, source)}: '{shown}' is a Prometheus/Grafana template, which Scriban would evaluate; "
            + $"write it in an escape block so it stays as is: {{%{{{shown}}}%}}");
    }

    /// <summary>The whole <c>{{ ... }}</c> around the variable, as written, when it is on one line.</summary>
    private static string? ShownExpression(string text, Scriban.Parsing.SourceSpan span)
    {
        var at = span.Start.Offset;
        if (at < 0 || at >= text.Length)
        {
            return null;
        }

        var open = text.LastIndexOf("{{", at, StringComparison.Ordinal);
        var close = text.IndexOf("}}", at, StringComparison.Ordinal);
        return open < 0 || close < 0 || text.AsSpan(open, close - open).Contains('\n') ? null : text[open..(close + 2)];
    }

    private sealed class Finder : ScriptVisitor
    {
        public ScriptVariable? Found { get; private set; }

        public override void Visit(ScriptVariableLocal node)
        {
            Found ??= node;
            base.Visit(node);
        }
    }
}
