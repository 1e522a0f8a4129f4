using System.Collections;
using System.Globalization;

namespace Scaffolder.Core.Rendering;

/// <summary>
/// The helpers templates call (<c>{{q name}}</c>, <c>(eq a b)</c>...), defined once for both the subset interpreter
/// and Handlebars.Net. Each takes the evaluated arguments and returns the value written or passed on.
/// </summary>
internal static class TemplateHelpers
{
    /// <summary>Helper name → implementation.</summary>
    public static IReadOnlyDictionary<string, Func<object?[], object?>> All { get; } = new Dictionary<string, Func<object?[], object?>>(StringComparer.Ordinal)
    {
        ["q"] = args => TemplateRenderer.Quote(TemplateRenderer.Text(args[0])),
        ["hq"] = args => TemplateRenderer.HclQuote(TemplateRenderer.Text(args[0])),
        ["eq"] = args => string.Equals(TemplateRenderer.Text(args[0]), TemplateRenderer.Text(args[1]), StringComparison.Ordinal),
        ["ne"] = args => !string.Equals(TemplateRenderer.Text(args[0]), TemplateRenderer.Text(args[1]), StringComparison.Ordinal),
        ["not"] = args => !Templates.Condition.Truthy(args[0]),
        ["or"] = args => args.Any(Templates.Condition.Truthy),
        ["and"] = args => args.All(Templates.Condition.Truthy),
        ["contains"] = args => args[0] is IEnumerable items && args[0] is not string
            && items.Cast<object?>().Any(item => string.Equals(TemplateRenderer.Text(item), TemplateRenderer.Text(args[1]), StringComparison.Ordinal)),
        ["subst"] = args => "${" + string.Concat(args.Select(TemplateRenderer.Text)) + "}",
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
        ["join"] = args => string.Join(
            args.Length > 1 ? TemplateRenderer.Text(args[1]) : ", ",
            args[0] is IEnumerable items and not string ? items.Cast<object?>().Select(TemplateRenderer.Text) : [TemplateRenderer.Text(args[0])]),
        ["lookupOr"] = args => args[0] is IDictionary map && map.Contains(TemplateRenderer.Text(args[1])) && map[TemplateRenderer.Text(args[1])] is { } found
            ? found
            : args[2],
    };

    /// <summary>
    /// Whether <paramref name="ex"/> is a helper failing on its arguments (too few, a bad number, a wrong type): a
    /// template error, not a bug of the tool.
    /// </summary>
    public static bool IsHelperFailure(Exception ex) =>
        ex is IndexOutOfRangeException or FormatException or OverflowException or ArgumentException or InvalidCastException;

    private static string Title(string value) => string.Join(' ', value.Split('-', StringSplitOptions.RemoveEmptyEntries)
        .Select(word => char.ToUpperInvariant(word[0]) + word[1..]));
}
