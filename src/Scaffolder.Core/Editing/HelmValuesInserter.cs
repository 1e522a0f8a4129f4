using System.Text;
using Scaffolder.Core.Text;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Scaffolder.Core.Editing;

/// <summary>
/// Adds entries to a block mapping of a HelmRelease's values (an env variable, a <c>persistence</c> entry), as text
/// at located positions: every existing byte stays, and the result is parsed again to verify it.
/// <para>
/// The insertion is a block mapping; each of its top-level entries is added under <c>path</c> (a dotted key path in
/// the document of <c>kind</c>/<c>name</c>, where <c>*</c> stands for the only key of its mapping, such as the one
/// controller of an app). Missing mappings along the path are created, after the sibling named by the optional
/// <c>after</c> argument when there is one (<c>env</c> after <c>image</c>), else after the last entry. An entry
/// already there with the same content leaves the file unchanged; one with other content is kept.
/// </para>
/// When the values do not have the expected shape (another value at a key of the path, several controllers, flow
/// style, anchors, a different existing entry), the entries that fit are inserted and a
/// <see cref="ManualEditException"/> says exactly what to add by hand.
/// </summary>
public sealed class HelmValuesInserter : IInserter
{
    private const int Step = 2;

    /// <inheritdoc />
    public string Name => "helm-values";

    /// <inheritdoc />
    public string Apply(EditableText file, string insertion, IReadOnlyDictionary<string, string> args, string displayPath)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(args);
        var path = args.TryGetValue("path", out var p) ? p : throw new UserInputException("helm-values needs a 'path' argument");
        var entries = Entries(insertion, displayPath);
        var document = Document(YamlLocator.Parse(file.Text, displayPath), args);
        if (document is null)
        {
            throw Manual(displayPath, args, path, entries, "it has no single such document", null);
        }

        var target = Descend(document, path.Split('.'), out var deepest, out var missing, out var problem);
        if (problem is not null)
        {
            throw Manual(displayPath, args, path, entries, problem, null);
        }

        var lines = new Lines(file.Text);
        var todo = new List<Entry>();
        var differing = new List<Entry>();
        foreach (var entry in entries)
        {
            var existing = target is null ? null : Child(target, entry.Key);
            if (existing is null)
            {
                todo.Add(entry);
            }
            else if (Canonical(existing) != Canonical(entry.Node))
            {
                differing.Add(entry);
            }
        }

        var updated = file.Text;
        if (todo.Count > 0)
        {
            updated = target is not null
                ? AddToMapping(file, lines, target, todo)
                : CreatePath(file, lines, deepest, missing, args.GetValueOrDefault("after"), todo);
            Verify(updated, args, path, todo, displayPath);
        }

        if (differing.Count > 0)
        {
            throw Manual(displayPath, args, path, differing, $"'{string.Join("', '", differing.Select(e => e.Key))}' already there with other content, kept", updated == file.Text ? null : updated);
        }

        return updated;
    }

    /// <inheritdoc />
    public string? Describe(EditableText file, string updated, string insertion, IReadOnlyDictionary<string, string> args, string displayPath) =>
        $"{args.GetValueOrDefault("path")}: {string.Join(", ", Entries(insertion, displayPath).Select(e => e.Key))}";

    /// <summary>One top-level entry of the insertion: its key, parsed value and lines (unindented).</summary>
    private sealed record Entry(string Key, YamlNode Node, IReadOnlyList<string> Lines);

    private static List<Entry> Entries(string insertion, string displayPath)
    {
        var text = insertion.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');
        var stream = YamlLocator.Parse(text, $"the values for {displayPath}");
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode map || map.Style == MappingStyle.Flow)
        {
            throw new InvalidOperationException($"the values for {displayPath} are not one block mapping");
        }

        var all = text.Split('\n');
        var entries = new List<Entry>();
        var keys = map.Children.ToList();
        for (var i = 0; i < keys.Count; i++)
        {
            var first = (int)keys[i].Key.Start.Line - 1;
            var end = i + 1 < keys.Count ? (int)keys[i + 1].Key.Start.Line - 1 : all.Length;
            entries.Add(new Entry(((YamlScalarNode)keys[i].Key).Value!, keys[i].Value, all[first..end]));
        }

        return entries;
    }

    private static YamlMappingNode? Document(YamlStream stream, IReadOnlyDictionary<string, string> args)
    {
        var kind = args.GetValueOrDefault("kind");
        var name = args.GetValueOrDefault("name");
        var found = stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>()
            .Where(root => kind is null || YamlLocator.Scalar(root, "kind") == kind)
            .Where(root => name is null || (Child(root, "metadata") is YamlMappingNode meta && YamlLocator.Scalar(meta, "name") == name))
            .ToList();
        return found.Count == 1 ? found[0] : null;
    }

    /// <summary>
    /// Walks <paramref name="keys"/>: returns the mapping at the end of the path, or null with the deepest mapping found
    /// and the keys still missing below it; <paramref name="problem"/> says why the path cannot be used.
    /// </summary>
    private static YamlMappingNode? Descend(YamlMappingNode root, string[] keys, out YamlMappingNode deepest, out List<string> missing, out string? problem)
    {
        deepest = root;
        missing = [];
        problem = null;
        var current = root;
        for (var i = 0; i < keys.Length; i++)
        {
            var key = keys[i];
            var at = string.Join('.', keys[..(i + 1)]);
            YamlNode? next;
            if (key == "*")
            {
                if (current.Children.Count != 1)
                {
                    problem = $"'{string.Join('.', keys[..i])}' has {current.Children.Count} entries, not one";
                    return null;
                }

                next = current.Children.First().Value;
            }
            else
            {
                next = Child(current, key);
            }

            if (next is null)
            {
                if (Array.IndexOf(keys, "*", i) >= 0)
                {
                    problem = $"it has no '{at}'";
                    return null;
                }

                if (!current.Anchor.IsEmpty || current.AllNodes.Any(n => !n.Anchor.IsEmpty))
                {
                    problem = $"'{string.Join('.', keys[..i])}' uses YAML anchors or aliases";
                    return null;
                }

                deepest = current;
                missing = [.. keys[i..]];
                return null;
            }

            if (next is not YamlMappingNode mapping || mapping.Style == MappingStyle.Flow || mapping.Children.Count == 0)
            {
                problem = $"'{at}' is not a block mapping with entries";
                return null;
            }

            current = mapping;
        }

        if (current.AllNodes.Any(n => !n.Anchor.IsEmpty))
        {
            problem = $"'{string.Join('.', keys)}' uses YAML anchors or aliases";
            return null;
        }

        deepest = current;
        return current;
    }

    private static YamlNode? Child(YamlMappingNode map, string key)
    {
        foreach (var (k, v) in map.Children)
        {
            if (k is YamlScalarNode scalar && scalar.Value == key)
            {
                return v;
            }
        }

        return null;
    }

    private static string AddToMapping(EditableText file, Lines lines, YamlMappingNode target, List<Entry> todo)
    {
        var first = YamlLocator.KeyNode(target, null)!;
        var indent = (int)first.Start.Column - 1;
        var last = YamlLocator.LastContentLine(lines, (int)first.Start.Line - 1, indent - 1, -2);
        return file.InsertLinesAfter(lines.EndOf(last), todo.SelectMany(e => Indented(e.Lines, indent)));
    }

    private static string CreatePath(EditableText file, Lines lines, YamlMappingNode deepest, List<string> missing, string? after, List<Entry> todo)
    {
        var first = YamlLocator.KeyNode(deepest, null)!;
        var indent = (int)first.Start.Column - 1;
        var anchor = after is null ? null : YamlLocator.KeyNode(deepest, after);
        int last;
        if (anchor is not null)
        {
            // The sibling's own block: its key line and every deeper line (or its list items at the key's column).
            last = YamlLocator.LastContentLine(lines, (int)anchor.Start.Line - 1, indent, indent);
        }
        else
        {
            last = YamlLocator.LastContentLine(lines, (int)first.Start.Line - 1, indent - 1, -2);
        }

        var block = new List<string>();
        for (var i = 0; i < missing.Count; i++)
        {
            block.Add($"{new string(' ', indent + (i * Step))}{missing[i]}:");
        }

        block.AddRange(todo.SelectMany(e => Indented(e.Lines, indent + (missing.Count * Step))));
        return file.InsertLinesAfter(lines.EndOf(last), block);
    }

    private static IEnumerable<string> Indented(IEnumerable<string> lines, int indent)
    {
        var pad = new string(' ', indent);
        return lines.Select(l => l.Length == 0 ? l : pad + l);
    }

    private static void Verify(string updated, IReadOnlyDictionary<string, string> args, string path, List<Entry> todo, string displayPath)
    {
        var document = Document(YamlLocator.Parse(updated, displayPath), args);
        var target = document is null ? null : Descend(document, path.Split('.'), out _, out _, out _);
        if (target is null || todo.Exists(e => Child(target, e.Key) is not { } node || Canonical(node) != Canonical(e.Node)))
        {
            throw new InvalidOperationException($"internal error: adding to '{path}' in {displayPath} did not give the expected values");
        }
    }

    /// <summary>A node's content without its formatting (quoting, flow or block style, comments).</summary>
    private static string Canonical(YamlNode node)
    {
        var text = new StringBuilder();
        Write(node, text);
        return text.ToString();

        static void Write(YamlNode node, StringBuilder text)
        {
            switch (node)
            {
                case YamlScalarNode scalar:
                    text.Append('"').Append(scalar.Value?.Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
                    break;
                case YamlSequenceNode sequence:
                    text.Append('[');
                    foreach (var item in sequence.Children)
                    {
                        Write(item, text);
                        text.Append(',');
                    }

                    text.Append(']');
                    break;
                case YamlMappingNode mapping:
                    text.Append('{');
                    foreach (var (key, value) in mapping.Children)
                    {
                        Write(key, text);
                        text.Append(':');
                        Write(value, text);
                        text.Append(',');
                    }

                    text.Append('}');
                    break;
                default:
                    text.Append('*').Append(node.GetType().Name);
                    break;
            }
        }
    }

    private static ManualEditException Manual(string displayPath, IReadOnlyDictionary<string, string> args, string path, IEnumerable<Entry> entries, string reason, string? partial)
    {
        var what = args.GetValueOrDefault("kind") is { } kind ? $"the {kind}{(args.GetValueOrDefault("name") is { } name ? $" {name}" : string.Empty)}" : "the document";
        var block = string.Join('\n', entries.SelectMany(e => Indented(e.Lines, 4)));
        return new ManualEditException($"Add by hand to {what} in {displayPath}, under {path} ({reason}):\n{block}", partial);
    }
}
