using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check.Flux;

/// <summary>
/// The plain data of YAML nodes as the Kubernetes decoders see it (sigs.k8s.io/yaml, YAML 1.1 scalars): a quoted scalar
/// is a string; a plain one is null, a boolean (<c>true</c>, <c>yes</c>, <c>on</c>...), an integer, a float, else a string.
/// </summary>
public static partial class YamlData
{
    /// <summary>The value of a scalar: <see cref="string"/>, <see cref="long"/>, <see cref="double"/>, <see cref="bool"/> or null.</summary>
    public static object? Scalar(string value, bool quoted)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (quoted)
        {
            return value;
        }

        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON" or "y" or "Y":
                return true;
            case "false" or "False" or "FALSE" or "no" or "No" or "NO" or "off" or "Off" or "OFF" or "n" or "N":
                return false;
        }

        var first = value[0];
        if (!(char.IsDigit(first) || first is '-' or '+' or '.'))
        {
            return value;
        }

        if (Integer().IsMatch(value))
        {
            var text = value.Replace("_", string.Empty, StringComparison.Ordinal);
            var negative = text.StartsWith('-');
            var digits = text.TrimStart('-', '+');
            if (digits.StartsWith("0x", StringComparison.Ordinal) && long.TryParse(digits[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex))
            {
                return negative ? -hex : hex;
            }

            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            {
                return integer;
            }
        }

        if (Float().IsMatch(value) && double.TryParse(value.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            return real;
        }

        return value is ".inf" or "+.inf" or ".Inf" ? double.PositiveInfinity : value is "-.inf" or "-.Inf" ? double.NegativeInfinity : value;
    }

    /// <summary>The plain data of <paramref name="node"/>: dictionaries, lists and scalars.</summary>
    public static object? From(LocatedNode? node) => node switch
    {
        null => null,
        LocatedScalar scalar => Scalar(scalar.Value, scalar.IsQuoted),
        LocatedSequence sequence => sequence.Items.Select(From).ToList(),
        LocatedMapping mapping => mapping.Entries
            .GroupBy(e => e.Key.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => From(g.Last().Value), StringComparer.Ordinal),
        _ => null,
    };

    /// <summary>Emits <paramref name="value"/> as block YAML (sprig's <c>toYaml</c>), keys sorted like Go's encoder.</summary>
    public static string Emit(object? value)
    {
        var builder = new StringBuilder();
        Emit(builder, value, 0, inSequence: false);
        return builder.ToString();
    }

    private static void Emit(StringBuilder builder, object? value, int indent, bool inSequence)
    {
        var pad = new string(' ', indent);
        switch (value)
        {
            case IReadOnlyDictionary<string, object?> map when map.Count > 0:
                var first = true;
                foreach (var (key, item) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    builder.Append(first && inSequence ? string.Empty : pad).Append(ScalarText(key)).Append(':');
                    first = false;
                    EmitValue(builder, item, indent + 2, indent);
                }

                break;
            case IReadOnlyList<object?> list when list.Count > 0:
                var firstItem = true;
                foreach (var item in list)
                {
                    builder.Append(firstItem && inSequence ? string.Empty : pad).Append("- ");
                    firstItem = false;
                    if (item is IReadOnlyDictionary<string, object?> { Count: > 0 } or IReadOnlyList<object?> { Count: > 0 })
                    {
                        Emit(builder, item, indent + 2, inSequence: true);
                    }
                    else
                    {
                        builder.Append(Inline(item)).Append('\n');
                    }
                }

                break;
            default:
                builder.Append(Inline(value)).Append('\n');
                break;
        }
    }

    private static void EmitValue(StringBuilder builder, object? item, int childIndent, int indent)
    {
        switch (item)
        {
            case IReadOnlyDictionary<string, object?> { Count: > 0 }:
                builder.Append('\n');
                Emit(builder, item, childIndent, inSequence: false);
                break;
            case IReadOnlyList<object?> { Count: > 0 }:
                builder.Append('\n');
                Emit(builder, item, indent, inSequence: false);
                break;
            default:
                builder.Append(' ').Append(Inline(item)).Append('\n');
                break;
        }
    }

    private static string Inline(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IReadOnlyDictionary<string, object?> => "{}",
        IReadOnlyList<object?> => "[]",
        _ => ScalarText(value.ToString() ?? string.Empty),
    };

    /// <summary>A string as a YAML scalar: plain when it reads back as the same string, else double-quoted.</summary>
    private static string ScalarText(string text) =>
        text.Length > 0 && Scalar(text, quoted: false) is string && PlainSafe().IsMatch(text)
            ? text
            : "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";

    [GeneratedRegex(@"^[-+]?(0x[0-9a-fA-F_]+|[0-9][0-9_]*)$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?([0-9][0-9_]*)?\.?[0-9_]*([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();

    [GeneratedRegex(@"^[A-Za-z0-9_./${}][A-Za-z0-9_./${} -]*$")]
    private static partial Regex PlainSafe();
}
