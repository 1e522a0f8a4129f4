using System.Collections;
using System.Globalization;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Scaffolder.Core.Rendering;

/// <summary>
/// The functions templates call (<c>{{ q name }}</c>, <c>(part item ":" 0)</c>, <c>partial "name" {key: value}</c>...),
/// defined in one place. Each helper takes the evaluated arguments and returns the value written or passed on. They
/// are the only globals under a template's data: Scriban's own built-in library is not offered, so a template can
/// only compute with these.
/// </summary>
internal static class TemplateFunctions
{
    /// <summary>Helper name → implementation.</summary>
    public static IReadOnlyDictionary<string, Func<object?[], object?>> All { get; } = new Dictionary<string, Func<object?[], object?>>(StringComparer.Ordinal)
    {
        ["q"] = args => TemplateRenderer.Quote(TemplateRenderer.Text(args[0])),
        ["hq"] = args => TemplateRenderer.HclQuote(TemplateRenderer.Text(args[0])),
        // The inside of an hq string, for a literal part of an HCL string with interpolations ("${get_repo_root()}/...").
        ["hq_part"] = args => TemplateRenderer.HclQuote(TemplateRenderer.Text(args[0]))[1..^1],
                        ["contains"] = args => args[0] is IEnumerable items && args[0] is not string
            && items.Cast<object?>().Any(item => string.Equals(TemplateRenderer.Text(item), TemplateRenderer.Text(args[1]), StringComparison.Ordinal)),
        ["subst"] = args => "${" + Identifier(string.Concat(args.Select(TemplateRenderer.Text))) + "}",
        ["yaml"] = args => YamlValues.Scalar(TemplateRenderer.Text(args[0])),
        ["k8s_name"] = args => YamlValues.Name(TemplateRenderer.Text(args[0])),
        ["k8s_name_part"] = args => YamlValues.NamePart(TemplateRenderer.Text(args[0])),
        ["label_key"] = args => YamlValues.LabelKey(TemplateRenderer.Text(args[0])),
        ["label_key_part"] = args => YamlValues.LabelKeyPart(TemplateRenderer.Text(args[0])),
        ["label_value"] = args => YamlValues.LabelValue(TemplateRenderer.Text(args[0])),
        ["pascal"] = args => Title(TemplateRenderer.Text(args[0])).Replace(" ", string.Empty, StringComparison.Ordinal),
        ["union"] = args => args
            .SelectMany(arg => arg is IEnumerable items and not string ? items.Cast<object?>().Select(TemplateRenderer.Text) : [TemplateRenderer.Text(arg)])
            .Where(item => item.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList(),
        ["split"] = args => TemplateRenderer.Text(args[0]).Split(args.Length > 1 ? TemplateRenderer.Text(args[1]) : ","),
        ["part"] = args =>
        {
            var parts = TemplateRenderer.Text(args[0]).Split(TemplateRenderer.Text(args[1]));
            var index = int.Parse(TemplateRenderer.Text(args[2]), CultureInfo.InvariantCulture);
            return index < parts.Length ? parts[index] : args.Length > 3 ? TemplateRenderer.Text(args[3]) : string.Empty;
        },
        ["snake"] = args => TemplateRenderer.Text(args[0]).Replace('-', '_'),
        ["slug"] = args => Text.Slug.Of(TemplateRenderer.Text(args[0])) is { Length: > 0 } slug ? slug : args.Length > 1 ? TemplateRenderer.Text(args[1]) : string.Empty,
        ["upper"] = args => TemplateRenderer.Text(args[0]).ToUpperInvariant(),
        ["title"] = args => Title(TemplateRenderer.Text(args[0])),
        ["concat"] = args => string.Concat(args.Select(TemplateRenderer.Text)),
        // The path from folder args[0] to args[1], both relative to the repository root: kustomization references.
        ["relative"] = args => Relative(TemplateRenderer.Text(args[0]), TemplateRenderer.Text(args[1])),
        ["join"] = args => string.Join(
            args.Length > 1 ? TemplateRenderer.Text(args[1]) : ", ",
            args[0] is IEnumerable items and not string ? items.Cast<object?>().Select(TemplateRenderer.Text) : [TemplateRenderer.Text(args[0])]),
        ["lookupOr"] = args => args[0] is ScriptObject map && map.TryGetValue(TemplateRenderer.Text(args[1]), out var found) && found is not null
            ? found
            : args[2],
    };

    /// <summary>The helpers, with <c>partial</c>, as the bottom global object of every render (shared, read-only).</summary>
    public static ScriptObject Globals(ScribanEngine engine)
    {
        var globals = new ScriptObject();
        foreach (var (name, helper) in All)
        {
            globals.SetValue(name, new Helper(name, helper), readOnly: true);
        }

        globals.SetValue("partial", new PartialFunction(engine), readOnly: true);
        return globals;
    }

    /// <summary>
    /// Whether <paramref name="ex"/> is a helper failing on its arguments (too few, a bad number, a wrong type): a
    /// template error, not a bug of the tool.
    /// </summary>
    private static bool IsHelperFailure(Exception ex) =>
        ex is IndexOutOfRangeException or FormatException or OverflowException or ArgumentException or InvalidCastException;

    /// <summary>A Flux substitution variable name (<c>${name}</c>): letters, digits and '_', not starting with a digit.</summary>
    private static string Identifier(string value) =>
        value.Length > 0 && !char.IsAsciiDigit(value[0]) && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? value
            : throw new RefusedValueException($"'{Text.DisplayText.Printable(value)}' (from the config) is not a substitution variable name (letters, digits and '_')");

    private static string Relative(string from, string to)
    {
        var a = from.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var b = to.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var common = 0;
        while (common < a.Length && common < b.Length && a[common] == b[common])
        {
            common++;
        }

        var parts = Enumerable.Repeat("..", a.Length - common).Concat(b.Skip(common)).ToList();
        return parts.Count == 0 ? "." : string.Join('/', parts);
    }

    private static string Title(string value) => string.Join(' ', value.Split('-', StringSplitOptions.RemoveEmptyEntries)
        .Select(word => char.ToUpperInvariant(word[0]) + word[1..]));

    private static Scriban.Parsing.SourceSpan Span(ScriptNode? node) => node?.Span ?? default;

    /// <summary>A helper as a Scriban function: arguments evaluated, failures located at the call.</summary>
    private sealed class Helper(string name, Func<object?[], object?> implementation) : IScriptCustomFunction
    {
        public int RequiredParameterCount => 0;

        public int ParameterCount => 0;

        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.Direct;

        public Type ReturnType => typeof(object);

        public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(object), $"arg{index}");

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            try
            {
                return TemplateData.Convert(implementation([.. arguments]));
            }
            catch (RefusedValueException ex)
            {
                throw new Scriban.Syntax.ScriptRuntimeException(Span(callerContext), ex.Message);
            }
            catch (Exception ex) when (IsHelperFailure(ex))
            {
                throw new Scriban.Syntax.ScriptRuntimeException(Span(callerContext), $"{name} failed on its arguments: {ex.Message}");
            }
        }

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
    }

    /// <summary>
    /// <c>partial "name" {key: value, ...}</c>: renders a shared partial (from <c>.scaffold/templates/_partials/</c>,
    /// else the built-in one) in the same sandbox, with the given values over the caller's globals.
    /// </summary>
    private sealed class PartialFunction(ScribanEngine engine) : IScriptCustomFunction
    {
        public int RequiredParameterCount => 1;

        public int ParameterCount => 2;

        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;

        public Type ReturnType => typeof(string);

        public ScriptParameterInfo GetParameterInfo(int index) => index == 0 ? new(typeof(string), "name") : new(typeof(ScriptObject), "values");

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            var values = arguments.Count > 1 ? arguments[1] : null;
            if (arguments.Count is < 1 or > 2 || arguments[0] is not string name || values is not (null or ScriptObject))
            {
                throw new Scriban.Syntax.ScriptRuntimeException(Span(callerContext), "partial takes a partial name and an optional object of values: partial \"name\" {key: value}");
            }

            var template = engine.Partial(name, Span(callerContext));
            context.EnterRecursive(callerContext!);
            context.PushGlobal((ScriptObject?)values ?? new ScriptObject());
            try
            {
                return template.Render(context);
            }
            finally
            {
                context.PopGlobal();
                context.ExitRecursive(callerContext!);
            }
        }

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
    }
}
