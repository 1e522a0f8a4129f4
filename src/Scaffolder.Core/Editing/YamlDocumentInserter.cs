using Scaffolder.Core.Text;
using YamlDotNet.RepresentationModel;

namespace Scaffolder.Core.Editing;

/// <summary>
/// Appends a YAML document (starting with <c>---</c>) to a multi-document file. A document of the same
/// <c>kind</c> and <c>metadata.name</c> already in the file leaves it unchanged.
/// </summary>
public sealed class YamlDocumentInserter : IInserter
{
    /// <inheritdoc />
    public string Name => "yaml-document";

    /// <inheritdoc />
    public string Apply(EditableText file, string insertion, IReadOnlyDictionary<string, string> args, string displayPath) =>
        ApplyAll(file, [insertion], args, displayPath);

    /// <inheritdoc />
    public string ApplyAll(EditableText file, IReadOnlyList<string> insertions, IReadOnlyDictionary<string, string> args, string displayPath)
    {
        // The file is parsed once for the whole batch; documents the batch adds count as present for the ones after.
        // Only a document with a metadata mapping can match (kind and metadata.name, a missing name matching none).
        var present = YamlLocator.Parse(file.Text, displayPath).Documents
            .Select(d => d.RootNode)
            .OfType<YamlMappingNode>()
            .Where(HasMetadata)
            .Select(Identity)
            .ToHashSet();
        var added = new List<string>();
        foreach (var insertion in insertions)
        {
            var document = YamlLocator.Parse(insertion, $"the document for {displayPath}").Documents.Single().RootNode as YamlMappingNode
                ?? throw new UserInputException("yaml-document inserts a mapping");
            if (present.Contains(Identity(document)))
            {
                continue;
            }

            if (HasMetadata(document))
            {
                present.Add(Identity(document));
            }

            var documentLines = insertion.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
            if (!documentLines[0].StartsWith("---", StringComparison.Ordinal))
            {
                added.Add("---");
            }

            added.AddRange(documentLines);
        }

        if (added.Count == 0)
        {
            return file.Text;
        }

        var lines = new Lines(file.Text);
        var last = lines.Count - 1;
        while (last > 0 && lines[last].Trim().Length == 0)
        {
            last--;
        }

        var updated = lines.Count == 0 ? file.Lines(string.Join('\n', added) + "\n") : file.InsertLinesAfter(lines.EndOf(last), added);
        var count = YamlLocator.Parse(updated, displayPath).Documents.Count;
        return count > 0 ? updated : throw new InvalidOperationException($"internal error: appending to {displayPath} failed");
    }

    private static bool HasMetadata(YamlMappingNode root) => root.Children.TryGetValue("metadata", out var meta) && meta is YamlMappingNode;

    /// <summary>A document's <c>kind</c> and <c>metadata.name</c>.</summary>
    private static (string? Kind, string? Name) Identity(YamlMappingNode root) =>
        (YamlLocator.Scalar(root, "kind"), root.Children.TryGetValue("metadata", out var meta) && meta is YamlMappingNode m ? YamlLocator.Scalar(m, "name") : null);
}
