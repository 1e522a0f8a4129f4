using Scaffolder.Core.Text;
using Scaffolder.Core.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Scaffolder.Core.Editing;

/// <summary>Finds the node an edit targets: the document (optionally by <c>kind</c>) and a dotted key path in it.</summary>
internal static class YamlLocator
{
    public static YamlStream Parse(string text, string displayPath)
    {
        try
        {
            return YamlTree.LoadStream(text);
        }
        catch (YamlException ex)
        {
            throw new UserInputException($"cannot edit {displayPath}: invalid YAML at line {ex.Start.Line}: {YamlTree.FirstLine(ex)}");
        }
    }

    /// <summary>Returns the parent mapping and the value node at the <c>path</c> argument (null when the last key is absent).</summary>
    public static (YamlMappingNode Parent, YamlNode? Node, string Key) Find(
        YamlStream stream, IReadOnlyDictionary<string, string> args, string displayPath)
    {
        var path = args.TryGetValue("path", out var p) ? p : throw new UserInputException("inserter needs a 'path' argument");
        var kind = args.GetValueOrDefault("kind");
        var name = args.GetValueOrDefault("name");
        var documents = stream.Documents
            .Select(d => d.RootNode)
            .OfType<YamlMappingNode>()
            .Where(root => kind is not null ? Scalar(root, "kind") == kind : root.Children.ContainsKey(path.Split('.')[0]))
            .Where(root => name is null || (root.Children.TryGetValue("metadata", out var meta) && meta is YamlMappingNode m && Scalar(m, "name") == name))
            .ToList();
        var what = kind is null ? $"document with '{path.Split('.')[0]}'" : $"{kind}{(name is null ? string.Empty : $" named {name}")}";
        if (documents.Count != 1)
        {
            throw new UserInputException(kind is null && documents.Count == 0
                ? $"cannot edit {displayPath}: it has no list at '{path}'"
                : $"cannot edit {displayPath}: expected exactly one {what}, found {documents.Count}");
        }

        var keys = path.Split('.');
        var current = documents[0];
        foreach (var key in keys[..^1])
        {
            if (!current.Children.TryGetValue(key, out var next) || next is not YamlMappingNode mapping)
            {
                throw new UserInputException($"cannot edit {displayPath}: the {what} has no mapping at '{path}' (missing '{key}')");
            }

            current = mapping;
        }

        var node = current.Children.TryGetValue(keys[^1], out var found) ? found : null;
        return (current, node, keys[^1]);
    }

    public static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(key, out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    /// <summary>
    /// The key node of <paramref name="key"/> in <paramref name="map"/> (its position places an edit), or of the first
    /// entry when <paramref name="key"/> is null; null when there is none. A loop over the entries: the mapping's key
    /// collection is LINQ over key/value pairs, which costs start-up JIT work.
    /// </summary>
    public static YamlNode? KeyNode(YamlMappingNode map, string? key)
    {
        foreach (var (node, _) in map.Children)
        {
            if (key is null || (node is YamlScalarNode scalar && scalar.Value == key))
            {
                return node;
            }
        }

        return null;
    }

    /// <summary>Refuses anchors and aliases in or under <paramref name="node"/>: editing next to them is not safe.</summary>
    public static void RefuseAnchors(YamlNode node, string displayPath, string path)
    {
        foreach (var child in node.AllNodes)
        {
            if (!child.Anchor.IsEmpty)
            {
                throw new UserInputException($"cannot edit {displayPath}: '{path}' uses YAML anchors or aliases (line {child.Start.Line}); add the entry by hand");
            }
        }
    }

    /// <summary>
    /// The last line (0-based) of the block that starts at <paramref name="firstLine"/> and whose lines are indented
    /// deeper than <paramref name="parentIndent"/> (or are <c>- </c> items at <paramref name="itemIndent"/>); trailing blank and comment lines are excluded.
    /// </summary>
    public static int LastContentLine(Lines lines, int firstLine, int parentIndent, int itemIndent)
    {
        var last = firstLine;
        for (var i = firstLine + 1; i < lines.Count; i++)
        {
            if (lines.IsBlankOrComment(i))
            {
                continue;
            }

            var line = lines[i];
            var indent = lines.Indent(i);
            var isItem = indent == itemIndent && line.AsSpan(indent).StartsWith("-") && (line.Length == indent + 1 || line[indent + 1] == ' ');
            if (line.StartsWith("---", StringComparison.Ordinal) || line.StartsWith("...", StringComparison.Ordinal) || (indent <= parentIndent && !isItem))
            {
                break;
            }

            last = i;
        }

        return last;
    }
}
