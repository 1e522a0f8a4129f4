using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Scaffolder.Core.Config;

/// <summary>
/// Converts YAML nodes to plain trees (<see cref="Dictionary{TKey,TValue}"/>, <see cref="List{T}"/>, string)
/// that templates can read, and loads YAML text with clear errors.
/// </summary>
public static class YamlTree
{
    /// <summary>Parses a single YAML document; an empty text gives null. Errors name the file and line.</summary>
    public static YamlNode? Load(string text, string displayPath)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new UserInputException($"{displayPath}:{ex.Start.Line}:{ex.Start.Column}: invalid YAML: {FirstLine(ex)}");
        }

        return stream.Documents.Count switch
        {
            0 => null,
            1 => stream.Documents[0].RootNode,
            _ => throw new UserInputException($"{displayPath}: expected one YAML document, found {stream.Documents.Count}"),
        };
    }

    /// <summary>Converts a node to a plain tree.</summary>
    public static object? ToPlain(YamlNode node) => node switch
    {
        YamlMappingNode map => ToDictionary(map, key => ((YamlScalarNode)key).Value ?? string.Empty, ToPlain),
        YamlSequenceNode seq => seq.Children.Select(ToPlain).ToList(),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" } => true,
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "false" } => false,
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "null" or "~" } => null,
        YamlScalarNode scalar => scalar.Value,
        _ => null,
    };

    /// <summary>
    /// The pairs of a mapping as a dictionary with ordinal keys (a key seen twice throws, as in Enumerable.ToDictionary).
    /// A loop rather than LINQ over the mapping's key/value pairs, which costs start-up JIT work on every command.
    /// </summary>
    public static Dictionary<string, T> ToDictionary<T>(YamlMappingNode mapping, Func<YamlNode, string> key, Func<YamlNode, T> value)
    {
        var dictionary = new Dictionary<string, T>(mapping.Children.Count, StringComparer.Ordinal);
        foreach (var pair in mapping.Children)
        {
            dictionary.Add(key(pair.Key), value(pair.Value));
        }

        return dictionary;
    }

    /// <summary>The first line of a YamlDotNet message, without its position prefix.</summary>
    public static string FirstLine(Exception ex)
    {
        var message = (ex.InnerException ?? ex).Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && close > 0)
        {
            message = message[(close + 3)..];
        }

        var newline = message.IndexOfAny(['\r', '\n']);
        return newline < 0 ? message : message[..newline];
    }

    /// <summary>Formats a node position as <c>line:column</c>.</summary>
    public static string Position(YamlNode node) =>
        string.Create(CultureInfo.InvariantCulture, $"{node.Start.Line}:{node.Start.Column}");
}
