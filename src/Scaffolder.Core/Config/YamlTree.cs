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
        YamlMappingNode map => map.Children.ToDictionary(
            pair => ((YamlScalarNode)pair.Key).Value ?? string.Empty,
            pair => ToPlain(pair.Value),
            StringComparer.Ordinal),
        YamlSequenceNode seq => seq.Children.Select(ToPlain).ToList(),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" } => true,
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "false" } => false,
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "null" or "~" } => null,
        YamlScalarNode scalar => scalar.Value,
        _ => null,
    };

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
