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
        // Partials are compiled on first use: a command that renders one template does not pay for all of them.
        handlebars = Handlebars.Create(new HandlebarsConfiguration
        {
            NoEscape = true,
            ThrowOnUnresolvedBindingExpression = true,
            PartialTemplateResolver = new LazyPartials(partials),
        });
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
        hb.RegisterHelper("union", (_, args) => args
            .SelectMany(arg => arg is IEnumerable items and not string ? items.Cast<object?>().Select(Text) : [Text(arg)])
            .Where(item => item.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList());
        hb.RegisterHelper("split", (_, args) => Text(args[0]).Split(args.Length > 1 ? Text(args[1]) : ","));
        hb.RegisterHelper("part", (writer, _, args) =>
        {
            var parts = Text(args[0]).Split(Text(args[1]));
            var index = int.Parse(Text(args[2]), CultureInfo.InvariantCulture);
            writer.WriteSafeString(index < parts.Length ? parts[index] : args.Length > 3 ? Text(args[3]) : string.Empty);
        });
        hb.RegisterHelper("snake", (writer, _, args) => writer.WriteSafeString(Text(args[0]).Replace('-', '_')));
        hb.RegisterHelper("slug", (writer, _, args) => writer.WriteSafeString(Slug(Text(args[0])) is { Length: > 0 } slug ? slug : args.Length > 1 ? Text(args[1]) : string.Empty));
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

    /// <summary>
    /// A file-name slug of free text: accents dropped, lowercase ASCII letters and digits, every other run of
    /// characters one '-', no '-' at either end, at most <paramref name="maxLength"/> characters ("Adopt Redis 7.2!"
    /// gives "adopt-redis-7-2"). Empty when the text has no letter or digit.
    /// </summary>
    public static string Slug(string text, int maxLength = 60)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(Math.Min(text.Length, maxLength + 1));
        var pendingDash = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (pendingDash && builder.Length > 0)
                {
                    builder.Append('-');
                }

                pendingDash = false;
                builder.Append(lower);
                if (builder.Length >= maxLength)
                {
                    break;
                }
            }
            else
            {
                pendingDash = true;
            }
        }

        return builder.ToString(0, Math.Min(builder.Length, maxLength)).TrimEnd('-');
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

    /// <summary>Registers a partial the first time a template names it.</summary>
    private sealed class LazyPartials(IReadOnlyDictionary<string, string> partials) : IPartialTemplateResolver
    {
        public bool TryRegisterPartial(IHandlebars env, string? partialName, string? templatePath)
        {
            if (partialName is null || !partials.TryGetValue(partialName, out var text))
            {
                return false;
            }

            env.RegisterTemplate(partialName, text);
            return true;
        }
    }

    private static string Title(string value) => string.Join(' ', value.Split('-', StringSplitOptions.RemoveEmptyEntries)
        .Select(word => char.ToUpperInvariant(word[0]) + word[1..]));
}
