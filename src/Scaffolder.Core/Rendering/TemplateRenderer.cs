using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using HandlebarsDotNet;

namespace Scaffolder.Core.Rendering;

/// <summary>
/// Renders Handlebars text with the helpers templates use. Output is never HTML-escaped; values that end up in
/// YAML go through <c>{{q value}}</c>, which always produces a valid double-quoted YAML scalar.
/// </summary>
public sealed class TemplateRenderer
{
    private readonly IHandlebars handlebars;
    private readonly ConcurrentDictionary<string, HandlebarsTemplate<object, object>> cache = new(StringComparer.Ordinal);

    /// <summary>Creates a renderer with the given partials (name → Handlebars text).</summary>
    public TemplateRenderer(IReadOnlyDictionary<string, string> partials)
    {
        handlebars = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true, ThrowOnUnresolvedBindingExpression = true });
        foreach (var (name, text) in partials)
        {
            handlebars.RegisterTemplate(name, text);
        }

        RegisterHelpers(handlebars);
    }

    /// <summary>Renders <paramref name="text"/> against <paramref name="context"/>; <paramref name="source"/> names it in errors.</summary>
    public string Render(string text, object context, string source)
    {
        try
        {
            var template = cache.GetOrAdd(text, handlebars.Compile);
            return template(context);
        }
        catch (HandlebarsException ex)
        {
            throw new UserInputException($"{source}: template error: {ex.Message.Split('\n')[0]}");
        }
        catch (HandlebarsDotNet.Compiler.HandlebarsUndefinedBindingException ex)
        {
            // Not a HandlebarsException: e.g. a block helper without its argument ("{{#if}}").
            throw new UserInputException($"{source}: template error: {ex.Message.Split('\n')[0]}");
        }
    }

    private static void RegisterHelpers(IHandlebars hb)
    {
        hb.RegisterHelper("q", (writer, _, args) => writer.WriteSafeString(Quote(Text(args[0]))));
        hb.RegisterHelper("hq", (writer, _, args) => writer.WriteSafeString(HclQuote(Text(args[0]))));
        hb.RegisterHelper("eq", (_, args) => string.Equals(Text(args[0]), Text(args[1]), StringComparison.Ordinal));
        hb.RegisterHelper("ne", (_, args) => !string.Equals(Text(args[0]), Text(args[1]), StringComparison.Ordinal));
        hb.RegisterHelper("not", (_, args) => !Templates.Condition.Truthy(args[0]));
        hb.RegisterHelper("or", (_, args) => args.Any(Templates.Condition.Truthy));
        hb.RegisterHelper("and", (_, args) => args.All(Templates.Condition.Truthy));
        hb.RegisterHelper("contains", (_, args) => args[0] is IEnumerable items && args[0] is not string
            && items.Cast<object?>().Any(item => string.Equals(Text(item), Text(args[1]), StringComparison.Ordinal)));
        hb.RegisterHelper("subst", (writer, _, args) => writer.WriteSafeString("${" + string.Concat(args.Select(Text)) + "}"));
        hb.RegisterHelper("pascal", (writer, _, args) => writer.WriteSafeString(Title(Text(args[0])).Replace(" ", string.Empty, StringComparison.Ordinal)));
        hb.RegisterHelper("split", (_, args) => Text(args[0]).Split(args.Length > 1 ? Text(args[1]) : ","));
        hb.RegisterHelper("part", (writer, _, args) =>
        {
            var parts = Text(args[0]).Split(Text(args[1]));
            var index = int.Parse(Text(args[2]), CultureInfo.InvariantCulture);
            writer.WriteSafeString(index < parts.Length ? parts[index] : args.Length > 3 ? Text(args[3]) : string.Empty);
        });
        hb.RegisterHelper("snake", (writer, _, args) => writer.WriteSafeString(Text(args[0]).Replace('-', '_')));
        hb.RegisterHelper("upper", (writer, _, args) => writer.WriteSafeString(Text(args[0]).ToUpperInvariant()));
        hb.RegisterHelper("title", (writer, _, args) => writer.WriteSafeString(Title(Text(args[0]))));
        hb.RegisterHelper("concat", (writer, _, args) => writer.WriteSafeString(string.Concat(args.Select(Text))));
        hb.RegisterHelper("join", (writer, _, args) => writer.WriteSafeString(string.Join(
            args.Length > 1 ? Text(args[1]) : ", ",
            args[0] is IEnumerable items and not string ? items.Cast<object?>().Select(Text) : [Text(args[0])])));
        hb.RegisterHelper("lookupOr", (_, args) => args[0] is IDictionary map && map.Contains(Text(args[1])) && map[Text(args[1])] is { } found
            ? found
            : args[2]);
    }

    /// <summary>Formats a value as text (invariant culture, lowercase booleans).</summary>
    public static string Text(object? value) => value switch
    {
        null => string.Empty,
        bool flag => flag ? "true" : "false",
        UndefinedBindingResult => string.Empty,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>Formats a string as a double-quoted YAML scalar that parses back to exactly the same string.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
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

    /// <summary>Formats a string as an HCL quoted string that evaluates to exactly the same text (templates escaped).</summary>
    public static string HclQuote(string value)
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
                case '$' or '%' when i + 1 < value.Length && value[i + 1] == '{': builder.Append(c).Append(c); break;
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

    private static string Title(string value) => string.Join(' ', value.Split('-', StringSplitOptions.RemoveEmptyEntries)
        .Select(word => char.ToUpperInvariant(word[0]) + word[1..]));
}
