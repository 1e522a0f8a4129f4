using Scaffolder.Core.Text;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Scaffolder.Core.Editing;

/// <summary>
/// Sets <c>key: value</c> in a block mapping at <c>path</c> (for example a namespace label): an equal entry leaves the
/// file unchanged, a different single-line value is replaced on its line, a missing key is added after the mapping's
/// last entry. The insertion text is the value, written as YAML (for example <c>"true"</c>). With <c>create: "true"</c> a
/// missing mapping at <c>path</c> (for example <c>metadata.annotations</c>) is added after its parent's last entry.
/// </summary>
public sealed class YamlMapEntryInserter : IInserter
{
    /// <inheritdoc />
    public string Name => "yaml-map-entry";

    /// <inheritdoc />
    public string Apply(EditableText file, string insertion, IReadOnlyDictionary<string, string> args, string displayPath)
    {
        var stream = YamlLocator.Parse(file.Text, displayPath);
        var (parent, node, mappingKey) = YamlLocator.Find(stream, args, displayPath);
        var path = args["path"];
        var key = args.TryGetValue("key", out var k) ? k : throw new UserInputException("yaml-map-entry needs a 'key' argument");
        var value = insertion.Trim();
        var wanted = ((YamlScalarNode)YamlLocator.Parse(value, displayPath).Documents[0].RootNode).Value;
        var lines = new Lines(file.Text);
        string updated;
        if (node is null && args.GetValueOrDefault("create") == "true" && parent.Style != MappingStyle.Flow
            && YamlLocator.KeyNode(parent, null) is { } sibling)
        {
            YamlLocator.RefuseAnchors(parent, displayPath, path);
            var siblingLine = (int)sibling.Start.Line - 1;
            var parentIndent = (int)sibling.Start.Column - 1;
            var end = YamlLocator.LastContentLine(lines, siblingLine, parentIndent - 1, -2);
            var pad = new string(' ', parentIndent);
            updated = file.InsertLinesAfter(lines.EndOf(end), [$"{pad}{mappingKey}:", $"{pad}  {key}: {value}"]);
            return Verified(updated, args, displayPath, path, key, wanted);
        }

        if (node is not YamlMappingNode mapping || mapping.Style == MappingStyle.Flow)
        {
            throw new UserInputException($"cannot edit {displayPath}: '{path}' is not a block mapping; add '{key}: {value}' by hand");
        }

        YamlLocator.RefuseAnchors(mapping, displayPath, path);
        var existing = mapping.Children.FirstOrDefault(p => p.Key is YamlScalarNode s && s.Value == key);
        if (existing.Key is not null)
        {
            if (existing.Value is YamlScalarNode current && current.Value == wanted)
            {
                return file.Text;
            }

            if (existing.Value is not YamlScalarNode old || old.Start.Line != old.End.Line)
            {
                throw new UserInputException($"cannot edit {displayPath}: '{path}.{key}' is not a one-line value");
            }

            var lineIndex = (int)old.Start.Line - 1;
            var start = lines.StartOf(lineIndex) + (int)old.Start.Column - 1;
            var end = lines.StartOf(lineIndex) + (int)old.End.Column - 1;
            updated = file.Text[..start] + value + file.Text[end..];
        }
        else
        {
            var first = YamlLocator.KeyNode(mapping, null)
                ?? throw new UserInputException($"cannot edit {displayPath}: '{path}' is empty; add '{key}: {value}' by hand");
            var firstLine = (int)first.Start.Line - 1;
            var indent = (int)first.Start.Column - 1;
            var last = YamlLocator.LastContentLine(lines, firstLine, indent - 1, -2);
            updated = file.InsertLinesAfter(lines.EndOf(last), [$"{new string(' ', indent)}{key}: {value}"]);
        }

        return Verified(updated, args, displayPath, path, key, wanted);
    }

    /// <summary>Re-parses <paramref name="updated"/> and returns it when <c>path.key</c> reads back as <paramref name="wanted"/>.</summary>
    private static string Verified(string updated, IReadOnlyDictionary<string, string> args, string displayPath, string path, string key, string? wanted)
    {
        var (_, check, _) = YamlLocator.Find(YamlLocator.Parse(updated, displayPath), args, displayPath);
        if (check is not YamlMappingNode result || result.Children.FirstOrDefault(p => p.Key is YamlScalarNode s && s.Value == key).Value is not YamlScalarNode set || set.Value != wanted)
        {
            throw new InvalidOperationException($"internal error: setting '{path}.{key}' in {displayPath} did not give the expected mapping");
        }

        return updated;
    }
}
