using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Scaffolder.Core.Yaml;

/// <summary>
/// Converts YAML nodes to plain trees (<see cref="Dictionary{TKey,TValue}"/>, <see cref="List{T}"/>, string)
/// that templates can read, and loads YAML text with clear errors.
/// </summary>
public static class YamlTree
{
    /// <summary>
    /// The deepest nesting of collections read from a file (configuration, <c>--values</c>, templates, edited files):
    /// the tree is built, and walked, recursively, so deeper input is refused while parsing, before it can exhaust the stack.
    /// </summary>
    public const int MaxDepth = 128;

    /// <summary>
    /// The most nodes <see cref="ToPlain"/> makes of one document: aliases repeat the node they name, so a small file
    /// can stand for billions of nodes ("billion laughs").
    /// </summary>
    public const int MaxPlainNodes = 100_000;

    /// <summary>Parses a single YAML document; an empty text gives null. Errors name the file and line.</summary>
    public static YamlNode? Load(string text, string displayPath)
    {
        YamlStream stream;
        try
        {
            stream = LoadStream(text);
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

    /// <summary>
    /// Parses YAML text into documents. Every failure of the parser is a <see cref="YamlException"/> at its position:
    /// syntax errors, the scanner's own exceptions on some malformed flow collections, and nesting deeper than
    /// <see cref="MaxDepth"/> (refused while parsing, before the recursive tree builder can overflow the stack).
    /// </summary>
    public static YamlStream LoadStream(string text)
    {
        var parser = new DepthBoundParser(new Parser(new StringReader(text)));
        var stream = new YamlStream();
        try
        {
            stream.Load(parser);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException or IndexOutOfRangeException)
        {
            var at = parser.Current?.Start ?? Mark.Empty;
            throw new YamlException(at, at, FirstLine(ex), ex);
        }

        return stream;
    }

    /// <summary>
    /// Converts a node to a plain tree. A mapping key must be a single value; a tree deeper than <see cref="MaxDepth"/>
    /// (aliases can make a cycle) or of more than <see cref="MaxPlainNodes"/> nodes is refused, naming
    /// <paramref name="displayPath"/>.
    /// </summary>
    public static object? ToPlain(YamlNode node, string displayPath)
    {
        var budget = MaxPlainNodes;
        return Plain(node, displayPath, 0, ref budget);
    }

    private static object? Plain(YamlNode node, string displayPath, int depth, ref int budget)
    {
        if (depth > MaxDepth || --budget < 0)
        {
            throw new UserInputException(depth > MaxDepth
                ? $"{displayPath}:{Position(node)}: nested deeper than {MaxDepth} levels (through aliases)"
                : $"{displayPath}:{Position(node)}: expands to more than {MaxPlainNodes:N0} values (through aliases)");
        }

        switch (node)
        {
            case YamlMappingNode map:
                var dictionary = new Dictionary<string, object?>(map.Children.Count, StringComparer.Ordinal);
                foreach (var (key, value) in map.Children)
                {
                    var name = key is YamlScalarNode scalarKey
                        ? scalarKey.Value ?? string.Empty
                        : throw new UserInputException($"{displayPath}:{Position(key)}: a key must be a single value");
                    if (!dictionary.TryAdd(name, Plain(value, displayPath, depth + 1, ref budget)))
                    {
                        throw new UserInputException($"{displayPath}:{Position(key)}: key '{Text.DisplayText.Printable(name)}' is given twice");
                    }
                }

                return dictionary;
            case YamlSequenceNode sequence:
                var list = new List<object?>(sequence.Children.Count);
                foreach (var item in sequence.Children)
                {
                    list.Add(Plain(item, displayPath, depth + 1, ref budget));
                }

                return list;
            default:
                return node switch
                {
                    YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" } => true,
                    YamlScalarNode { Style: ScalarStyle.Plain, Value: "false" } => false,
                    YamlScalarNode { Style: ScalarStyle.Plain, Value: "null" or "~" } => null,
                    YamlScalarNode scalar => scalar.Value,
                    _ => null,
                };
        }
    }

    /// <summary>
    /// The pairs of a mapping as a dictionary with ordinal keys; a key seen twice (<c>a</c> and <c>'a'</c> are two nodes
    /// of one key) is the exception <paramref name="error"/> makes for its node. A loop rather than LINQ over the
    /// mapping's key/value pairs, which costs start-up JIT work on every command.
    /// </summary>
    public static Dictionary<string, T> ToDictionary<T>(
        YamlMappingNode mapping, Func<YamlNode, string> key, Func<YamlNode, T> value, Func<YamlNode, string, Exception> error)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(error);
        var dictionary = new Dictionary<string, T>(mapping.Children.Count, StringComparer.Ordinal);
        foreach (var pair in mapping.Children)
        {
            var name = key(pair.Key);
            if (!dictionary.TryAdd(name, value(pair.Value)))
            {
                throw error(pair.Key, $"key '{Text.DisplayText.Printable(name)}' is given twice");
            }
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

    /// <summary>A parser that refuses nesting deeper than <see cref="MaxDepth"/> as soon as it is read.</summary>
    private sealed class DepthBoundParser(IParser parser) : IParser
    {
        private int depth;

        public ParsingEvent? Current => parser.Current;

        public bool MoveNext()
        {
            if (!parser.MoveNext())
            {
                return false;
            }

            switch (parser.Current)
            {
                case SequenceStart or MappingStart when ++depth > MaxDepth:
                    throw new YamlException(parser.Current.Start, parser.Current.End, $"nested deeper than {MaxDepth} levels");
                case SequenceEnd or MappingEnd:
                    depth--;
                    break;
            }

            return true;
        }
    }
}
