using Scaffolder.Core.Text;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Scaffolder.Core.Editing;

/// <summary>
/// Appends an item to a block list at a key path (<c>path</c>, optionally in the document of <c>kind</c>/<c>name</c>),
/// after its last item, with the list's own indentation. An item whose <c>match</c> key (or, for scalar items, whose
/// value) is already present leaves the file unchanged. An empty flow list <c>[]</c> becomes a block list; a
/// non-empty flow list or one with anchors is refused.
/// </summary>
public sealed class YamlListItemInserter(string name = "yaml-list-item") : IInserter
{
    /// <inheritdoc />
    public string Name { get; } = name;

    /// <inheritdoc />
    public string Apply(EditableText file, string insertion, IReadOnlyDictionary<string, string> args, string displayPath) =>
        ApplyAll(file, [insertion], args, displayPath);

    /// <inheritdoc />
    public string ApplyAll(EditableText file, IReadOnlyList<string> insertions, IReadOnlyDictionary<string, string> args, string displayPath)
    {
        var stream = YamlLocator.Parse(file.Text, displayPath);
        var (parent, node, key) = YamlLocator.Find(stream, args, displayPath);
        var path = args["path"];
        var match = args.GetValueOrDefault("match");
        if (node is not YamlSequenceNode sequence)
        {
            throw new UserInputException(node is null
                ? $"cannot edit {displayPath}: it has no list at '{path}'"
                : $"cannot edit {displayPath}: '{path}' is not a list");
        }

        YamlLocator.RefuseAnchors(sequence, displayPath, path);
        var present = sequence.Children.Select(existing => Identity(existing, match)).ToHashSet(StringComparer.Ordinal);
        // New items and their lines, in two lists: a list of tuples would cost start-up JIT work on every command.
        var items = new List<YamlNode>();
        var itemLines = new List<string[]>();
        foreach (var insertion in insertions)
        {
            var item = ParseItem(insertion, displayPath);
            if (present.Add(Identity(item, match)))
            {
                items.Add(item);
                itemLines.Add(insertion.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n'));
            }
        }

        if (items.Count == 0)
        {
            return file.Text;
        }

        var lines = new Lines(file.Text);
        var keyNode = YamlLocator.KeyNode(parent, key)!;
        var keyLine = (int)keyNode.Start.Line - 1;
        var keyIndent = (int)keyNode.Start.Column - 1;
        string updated;
        if (sequence.Style == SequenceStyle.Flow)
        {
            var start = lines.StartOf((int)sequence.Start.Line - 1) + (int)sequence.Start.Column - 1;
            var close = file.Text.IndexOf(']', start);
            if (sequence.Children.Count > 0 || close < 0 || file.Text[(start + 1)..close].Trim().Length > 0)
            {
                throw new UserInputException($"cannot edit {displayPath}: '{path}' is a flow-style list (line {sequence.Start.Line}); rewrite it as a block list ('- item' per line) to let scaffold edit it");
            }

            // `key: []` → `key:` followed by the new block item.
            var end = close + 1;
            var rest = file.Text[end..];
            var trailing = rest[..(rest.IndexOf('\n') is var nl and >= 0 ? nl : rest.Length)].TrimEnd('\r');
            if (trailing.Trim().Length > 0 && !trailing.TrimStart().StartsWith('#'))
            {
                throw new UserInputException($"cannot edit {displayPath}: unexpected text after '{path}: []' on line {sequence.Start.Line}");
            }

            var head = file.Text[..start].TrimEnd(' ') + trailing;
            var emptied = file.With(head + file.Text[(end + trailing.Length)..]);
            updated = emptied.InsertLinesAfter(new Lines(emptied.Text).EndOf(keyLine), Indent(itemLines, keyIndent + 2));
        }
        else
        {
            var firstItemLine = (int)sequence.Start.Line - 1;
            var dashIndent = lines.Indent(firstItemLine);
            var last = YamlLocator.LastContentLine(lines, firstItemLine, keyIndent, dashIndent);
            updated = file.InsertLinesAfter(lines.EndOf(last), Indent(itemLines, dashIndent));
        }

        Verify(updated, args, items, match, displayPath, sequence.Children.Count);
        return updated;
    }

    /// <summary>The lines of every item as block-list entries: <c>- </c> before the first line, two spaces before the others.</summary>
    private static List<string> Indent(List<string[]> items, int indent)
    {
        var pad = new string(' ', indent);
        var indented = new List<string>();
        foreach (var lines in items)
        {
            indented.Add($"{pad}- {lines[0]}");
            for (var i = 1; i < lines.Length; i++)
            {
                indented.Add(lines[i].Length == 0 ? string.Empty : $"{pad}  {lines[i]}");
            }
        }

        return indented;
    }

    private static YamlNode ParseItem(string insertion, string displayPath)
    {
        var stream = YamlLocator.Parse(insertion, $"the entry for {displayPath}");
        return stream.Documents.Count == 1
            ? stream.Documents[0].RootNode
            : throw new InvalidOperationException($"the entry for {displayPath} is not one YAML node");
    }

    /// <summary>
    /// What identifies an item: the scalar itself, the <c>match</c> key's value of a mapping, or (without a match key)
    /// the item's canonical YAML text.
    /// </summary>
    private static string Identity(YamlNode item, string? match) => item switch
    {
        YamlScalarNode scalar => "scalar:" + scalar.Value,
        YamlMappingNode map when match is not null => YamlLocator.Scalar(map, match) is { } value ? "match:" + value : "node:" + item,
        _ => "node:" + item,
    };

    private static void Verify(string updated, IReadOnlyDictionary<string, string> args, List<YamlNode> items, string? match, string displayPath, int before)
    {
        var (_, node, _) = YamlLocator.Find(YamlLocator.Parse(updated, displayPath), args, displayPath);
        var sequence = node as YamlSequenceNode;
        var same = sequence is not null && sequence.Children.Count == before + items.Count;
        for (var i = 0; same && i < items.Count; i++)
        {
            same = Identity(sequence!.Children[before + i], match) == Identity(items[i], match);
        }

        if (!same)
        {
            throw new InvalidOperationException($"internal error: inserting into {displayPath} did not give the expected list");
        }
    }
}
