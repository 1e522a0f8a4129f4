using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Scaffolder.Core.Yaml;

/// <summary>
/// Typed reading of YAML nodes for files read with an explicit key table per type (<c>template.yaml</c>, the stack
/// catalog) instead of a reflection-based deserializer, which was the largest start-up cost of the commands that
/// used one. Unknown keys, wrong shapes and bad scalars are errors located at their node; <paramref name="error"/>
/// makes the exception the caller's users expect.
/// </summary>
/// <param name="error">Makes the exception for a message about a node.</param>
internal class YamlFields(Func<YamlNode, string, Exception> error)
{
    /// <summary>Calls <paramref name="field"/> for each key of a mapping; a false return is an unknown key.</summary>
    public void Fields(YamlNode node, string what, Func<string, YamlNode, bool> field)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw Error(node, $"a {what} must be a mapping of keys");
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = Text(keyNode);
            if (!field(key, value))
            {
                throw Error(keyNode, $"unknown {what} key '{key}'");
            }
        }
    }

    /// <summary>The items of a sequence; an empty or null value is an empty list.</summary>
    public List<T> List<T>(YamlNode node, string key, Func<YamlNode, T> item) => OptionalList(node, key, item) ?? [];

    /// <summary>The items of a sequence, or null for an empty or null value (where "not given" differs from "empty").</summary>
    public List<T>? OptionalList<T>(YamlNode node, string key, Func<YamlNode, T> item) => node switch
    {
        YamlSequenceNode sequence => sequence.Children.Select(item).ToList(),
        _ when IsNull(node) => null,
        _ => throw Error(node, $"'{key}' must be a list"),
    };

    /// <summary>The pairs of a mapping, each value read by <paramref name="value"/>.</summary>
    public Dictionary<string, T> Map<T>(YamlNode node, string key, Func<YamlNode, T> value)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw Error(node, $"'{key}' must be a mapping");
        }

        return YamlTree.ToDictionary(mapping, Text, value, Error);
    }

    /// <summary>A mapping of single values.</summary>
    public Dictionary<string, string> TextMap(YamlNode node, string key) => Map(node, key, Text);

    /// <summary>A single value, or null for an empty or null scalar.</summary>
    public string? OptionalText(YamlNode node) => IsNull(node) ? null : Text(node);

    /// <summary>A single value.</summary>
    public string Text(YamlNode node) => node is YamlScalarNode scalar
        ? scalar.Value ?? string.Empty
        : throw Error(node, "expected a single value");

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public bool Bool(YamlNode node) => Text(node) switch
    {
        "true" => true,
        "false" => false,
        var other => throw Error(node, $"expected true or false, not '{other}'"),
    };

    /// <summary>A whole number.</summary>
    public int Int(YamlNode node) => int.TryParse(Text(node), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
        ? number
        : throw Error(node, $"expected a whole number, not '{Text(node)}'");

    /// <summary>The caller's exception for <paramref name="message"/> about <paramref name="node"/>.</summary>
    public Exception Error(YamlNode node, string message) => error(node, message);

    /// <summary>Whether the node is an empty or null plain scalar (<c>key:</c>, <c>~</c>, <c>null</c>).</summary>
    public static bool IsNull(YamlNode node) => node is YamlScalarNode { Style: ScalarStyle.Plain, Value: "" or "~" or "null" };
}
