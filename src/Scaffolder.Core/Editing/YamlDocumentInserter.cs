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
    public string Apply(EditableText file, string insertion, IReadOnlyDictionary<string, string> args, string displayPath)
    {
        var document = YamlLocator.Parse(insertion, $"the document for {displayPath}").Documents.Single().RootNode as YamlMappingNode
            ?? throw new UserInputException("yaml-document inserts a mapping");
        var kind = YamlLocator.Scalar(document, "kind");
        var name = document.Children.TryGetValue("metadata", out var meta) && meta is YamlMappingNode m ? YamlLocator.Scalar(m, "name") : null;
        var existing = YamlLocator.Parse(file.Text, displayPath).Documents
            .Select(d => d.RootNode)
            .OfType<YamlMappingNode>()
            .Any(root => YamlLocator.Scalar(root, "kind") == kind
                && root.Children.TryGetValue("metadata", out var rm) && rm is YamlMappingNode rmm && YamlLocator.Scalar(rmm, "name") == name);
        if (existing)
        {
            return file.Text;
        }

        var lines = new Lines(file.Text);
        var last = lines.Count - 1;
        while (last > 0 && lines[last].Trim().Length == 0)
        {
            last--;
        }

        var documentLines = insertion.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        if (!documentLines[0].StartsWith("---", StringComparison.Ordinal))
        {
            documentLines = ["---", .. documentLines];
        }

        var updated = lines.Count == 0 ? file.Lines(string.Join('\n', documentLines) + "\n") : file.InsertLinesAfter(lines.EndOf(last), documentLines);
        var count = YamlLocator.Parse(updated, displayPath).Documents.Count;
        return count > 0 ? updated : throw new InvalidOperationException($"internal error: appending to {displayPath} failed");
    }
}
