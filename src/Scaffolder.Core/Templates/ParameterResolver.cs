using System.Globalization;
using System.Text.RegularExpressions;
using Scaffolder.Core.Config;
using Scaffolder.Core.Rendering;
using Scaffolder.Core.Text;

namespace Scaffolder.Core.Templates;

/// <summary>
/// Turns raw option values into typed template values (string, int, bool, list of strings), applying defaults
/// and validating types, choices, patterns and ranges. Every failure is a one-line <see cref="UserInputException"/>.
/// </summary>
public sealed class ParameterResolver(TemplateRenderer renderer)
{
    /// <summary>The longest option value (and list option token) accepted, in characters.</summary>
    public const int MaxValueLength = 1024;

    /// <summary>The longest host name (RFC 1035), in characters.</summary>
    public const int MaxHostNameLength = 253;

    /// <summary>The longest label of a host name (RFC 1035), in characters.</summary>
    public const int MaxHostLabelLength = 63;

    /// <summary>
    /// Parameter patterns, built once per process (bulk mode checks every entry). Not <c>Regex.IsMatch(string, string)</c>:
    /// its cache is a dictionary keyed by a struct, which the JIT has to compile at start-up.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    /// <summary>Validates the positional name of a template.</summary>
    public static void ValidateName(string name, TemplateDefinition template)
    {
        if (template.NameKind == "text")
        {
            if (string.IsNullOrWhiteSpace(name) || name.Length > 200 || name.Any(char.IsControl))
            {
                throw new UserInputException($"invalid {template.Id} title: it must be one line of 1 to 200 characters");
            }

            return;
        }

        RequireLabel(name, "name");
        RequireString(name, "name");
    }

    /// <summary>
    /// Refuses a value YAML 1.1 (Kubernetes, Flux) would read as a boolean, null, number or date when written unquoted
    /// (yes, on, null, 010, 1.10, 1e3, 2024-01-01): names and keys are written as plain scalars.
    /// </summary>
    public static void RequireString(string value, string what)
    {
        foreach (var part in value.Split(':'))
        {
            if (Yaml11Scalars.IsNonString(part))
            {
                throw new UserInputException($"invalid {what} '{Printable(value)}': YAML would read it as a boolean, null, number or date, not as text");
            }
        }
    }

    /// <summary>Validates a DNS-1123 label (Kubernetes object and namespace names).</summary>
    public static void RequireLabel(string value, string what)
    {
        // [a-z0-9]([-a-z0-9]*[a-z0-9])? as a loop: every command checks a name, and a regex costs its start-up.
        static bool LabelChar(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);
        if (value.Length is 0 or > 63 || !LabelChar(value[0]) || !LabelChar(value[^1]) || value.Any(c => c != '-' && !LabelChar(c)))
        {
            throw new UserInputException(
                $"invalid {what} '{Printable(value)}': use a DNS-1123 label (1-63 lowercase letters, digits or '-', starting and ending with a letter or digit)");
        }
    }

    /// <summary>Resolves every parameter of <paramref name="template"/> from <paramref name="raw"/> (kebab-case name → tokens).</summary>
    public Dictionary<string, object?> Resolve(
        TemplateDefinition template,
        IReadOnlyDictionary<string, IReadOnlyList<string>> raw,
        Dictionary<string, object?> context,
        ScaffoldConfig config)
    {
        foreach (var given in raw.Keys)
        {
            if (!template.Parameters.Exists(p => p.Name == given))
            {
                throw new UserInputException($"template '{template.Id}' has no option --{given}");
            }
        }

        var values = new Dictionary<string, object?>(StringComparer.Ordinal);

        // A default sees the context and the parameters resolved before it; kept up to date instead of merged per default.
        var scope = new Dictionary<string, object?>(context, StringComparer.Ordinal);
        foreach (var parameter in template.Parameters)
        {
            var key = CamelCase(parameter.Name);
            IReadOnlyList<string>? tokens = raw.TryGetValue(parameter.Name, out var given) ? given : null;
            if (tokens is null)
            {
                if (parameter.Required)
                {
                    throw new UserInputException($"{template.Id}: --{parameter.Name} is required ({parameter.Description.TrimEnd('.')})");
                }

                tokens = parameter.Default is null
                    ? []
                    : SplitDefault(renderer.Render(parameter.Default, scope, $"{template.Id} --{parameter.Name} default"), parameter);
                if (tokens.Count == 0)
                {
                    values[key] = scope[key] = parameter.Type switch { ParameterType.List => new List<string>(), ParameterType.Bool => false, _ => null };
                    continue;
                }
            }

            values[key] = scope[key] = Convert(parameter, tokens, template.Id, config);
        }

        return values;
    }

    /// <summary>Converts a kebab-case parameter name to the camelCase name templates use.</summary>
    public static string CamelCase(string kebab)
    {
        var parts = kebab.Split('-');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
    }

    private static List<string> SplitDefault(string rendered, ParameterDefinition parameter) =>
        parameter.Type == ParameterType.List
            ? rendered.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList()
            : rendered.Length == 0 ? [] : [rendered];

    private static object? Convert(ParameterDefinition parameter, IReadOnlyList<string> tokens, string templateId, ScaffoldConfig config)
    {
        var option = $"--{parameter.Name}";
        if (parameter.Type != ParameterType.List && tokens.Count > 1)
        {
            throw new UserInputException($"{templateId}: {option} takes one value, got {tokens.Count}");
        }

        switch (parameter.Type)
        {
            case ParameterType.String:
                return CheckString(parameter, tokens[0], option);
            case ParameterType.Int:
                if (!int.TryParse(tokens[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    throw new UserInputException($"{templateId}: {option} must be a whole number, not '{Printable(tokens[0])}'");
                }

                if (number < (parameter.Min ?? int.MinValue) || number > (parameter.Max ?? int.MaxValue))
                {
                    throw new UserInputException($"{templateId}: {option} must be between {parameter.Min} and {parameter.Max}, not {number}");
                }

                return number;
            case ParameterType.Bool:
                return tokens[0] switch
                {
                    "true" => true,
                    "false" => false,
                    _ => throw new UserInputException($"{templateId}: {option} must be true or false, not '{Printable(tokens[0])}'"),
                };
            case ParameterType.Choice:
                return CheckChoice(parameter, tokens[0], option, config);
            case ParameterType.List:
                // Control characters are refused before items are split and trimmed, so "data:10Gi\n" is not silently accepted.
                var items = tokens
                    .Select(t => t.Any(char.IsControl) ? throw new UserInputException($"{option} must be a single line without control characters") : CheckLength(parameter, t, option))
                    .SelectMany(t => t.Split(',', StringSplitOptions.TrimEntries))
                    .Select(item => item.Length == 0
                        ? throw new UserInputException($"{templateId}: {option} has an empty item")
                        : Choices(parameter, config).Count > 0 ? CheckChoice(parameter, item, option, config) : CheckString(parameter, item, option))
                    .Distinct(StringComparer.Ordinal)
                    .ToList();
                return items;
            default:
                throw new ArgumentOutOfRangeException(nameof(parameter), parameter.Type, "a parameter type template.yaml cannot name");
        }
    }

    private static string CheckString(ParameterDefinition parameter, string value, string option)
    {
        if (value.Any(char.IsControl))
        {
            throw new UserInputException($"{option} must be a single line without control characters");
        }

        CheckLength(parameter, value, option);
        switch (parameter.Format)
        {
            case null:
                break;
            case "hostname":
                CheckHostName(parameter, value, option);
                break;
            case "quantity":
                CheckQuantity(parameter, value, option);
                break;
            default:
                throw new UserInputException($"{option}: the template's parameter has unknown format '{Printable(parameter.Format)}' (hostname or quantity)");
        }

        if (parameter.Pattern is not null && !Matches(parameter, value, option))
        {
            throw new UserInputException($"invalid {option} '{Shown(parameter, value)}': {parameter.PatternDescription ?? $"must match {parameter.Pattern}"}");
        }

        if (parameter.YamlText)
        {
            RequireString(value, option);
        }

        return value;
    }

    private static string CheckLength(ParameterDefinition parameter, string value, string option) =>
        value.Length <= MaxValueLength
            ? value
            : throw new UserInputException(string.Create(CultureInfo.InvariantCulture, $"invalid {option} '{Shown(parameter, value)}': {value.Length} characters, at most {MaxValueLength} characters"));

    private static void CheckHostName(ParameterDefinition parameter, string value, string option)
    {
        if (value.Length > MaxHostNameLength)
        {
            throw new UserInputException(string.Create(CultureInfo.InvariantCulture, $"invalid {option} '{Shown(parameter, value)}': a host name has at most {MaxHostNameLength} characters, this one {value.Length}"));
        }

        foreach (var label in value.Split('.'))
        {
            if (label.Length > MaxHostLabelLength)
            {
                throw new UserInputException(string.Create(CultureInfo.InvariantCulture, $"invalid {option} '{Shown(parameter, value)}': each part of a host name between dots has at most {MaxHostLabelLength} characters, '{Printable(label)}' has {label.Length}"));
            }
        }
    }

    /// <summary>Refuses a size of zero (<c>0</c>, <c>0Gi</c>, <c>0.0Mi</c>, or <c>data:0Gi</c> for a NAME:SIZE value); other malformed sizes are the pattern's to refuse.</summary>
    private static void CheckQuantity(ParameterDefinition parameter, string value, string option)
    {
        var size = value[(value.LastIndexOf(':') + 1)..];
        var number = size.AsSpan(0, size.Length - size.AsSpan().TrimStart("0123456789.").Length);
        if (number.Contains('0') && !number.ContainsAnyExcept('0', '.'))
        {
            throw new UserInputException($"invalid {option} '{Shown(parameter, value)}': a size must be greater than zero");
        }
    }

    private static bool Matches(ParameterDefinition parameter, string value, string option)
    {
        try
        {
            var regex = Patterns.GetOrAdd(parameter.Pattern!, pattern => new Regex($"^(?:{pattern})$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
            return regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            throw new UserInputException($"{option}: the pattern of the parameter took too long on '{Shown(parameter, value)}'");
        }
        catch (ArgumentException ex)
        {
            throw new UserInputException($"{option}: the template's pattern '{parameter.Pattern}' is not a valid regular expression ({ex.Message.Split('\n')[0]})");
        }
    }

    private static string CheckChoice(ParameterDefinition parameter, string value, string option, ScaffoldConfig config)
    {
        var choices = Choices(parameter, config);
        return choices.Contains(value, StringComparer.Ordinal)
            ? value
            : throw new UserInputException($"invalid {option} '{Shown(parameter, value)}': choose one of {string.Join(", ", choices)}");
    }

    /// <summary>The allowed values of a choice or list parameter.</summary>
    public static IReadOnlyList<string> Choices(ParameterDefinition parameter, ScaffoldConfig config) =>
        parameter.ChoicesFrom is null ? parameter.Choices : config.Strings(parameter.ChoicesFrom);

    /// <summary>The value as shown in an error: redacted parameters keep only the leading key-name characters.</summary>
    private static string Shown(ParameterDefinition parameter, string value)
    {
        if (!parameter.Redact)
        {
            return Printable(value);
        }

        var keep = 0;
        while (keep < value.Length && keep < 80 && (char.IsAsciiLetterOrDigit(value[keep]) || value[keep] is '-' or '.' or '_' or ':'))
        {
            keep++;
        }

        return keep == value.Length ? value : value[..keep] + "… (rest not shown)";
    }

    private static string Printable(string value)
    {
        return DisplayText.Printable(value.Length > 80 ? value[..80] + "…" : value);
    }
}
