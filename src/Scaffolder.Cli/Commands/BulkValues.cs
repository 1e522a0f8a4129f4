using System.Globalization;
using System.Text;
using Scaffolder.Core;
using Scaffolder.Core.Config;
using Scaffolder.Core.IO;
using Scaffolder.Core.Planning;
using Scaffolder.Core.Templates;
using Scaffolder.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Scaffolder.Cli.Commands;

/// <summary>One entry of a values file: its position (1-based index and line) and the request it makes.</summary>
internal sealed record BulkEntry(int Index, long Line, GenerationRequest Request)
{
    public string Label(string file) => string.Create(CultureInfo.InvariantCulture, $"{file}: entry {Index} (line {Line}, name '{Request.Name}')");
}

/// <summary>
/// Reads a bulk values file: a YAML list of maps, each with <c>name</c>, optionally <c>cluster</c> (a name or a list)
/// and the template's options by their kebab-case names. Scalars are one value, lists are repeated values,
/// <c>true</c> on an option with an implicit value (<c>database: true</c>) means that value, <c>false</c> or null omits it.
/// Every problem names the entry's index and line.
/// </summary>
internal static class BulkValues
{
    public static List<BulkEntry> Read(IFileSystem fileSystem, string path, string displayPath, TemplateDefinition template, bool force, InputLimits limits)
    {
        if (fileSystem.GetFileKind(path) is FileEntryKind.Missing)
        {
            throw new UserInputException($"--values '{displayPath}' does not exist");
        }

        var root = YamlTree.Load(Decode(fileSystem.ReadRegularFile(path, displayPath, limits.MaxFileBytes), displayPath), displayPath);
        if (root is not YamlSequenceNode list)
        {
            throw new UserInputException($"{displayPath}: expected a YAML list of entries such as '- name: demo'");
        }

        var parameters = template.Parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var entries = new List<BulkEntry>(list.Children.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < list.Children.Count; i++)
        {
            var node = list.Children[i];
            var index = i + 1;
            var where = string.Create(CultureInfo.InvariantCulture, $"{displayPath}: entry {index} (line {node.Start.Line})");
            if (node is not YamlMappingNode map)
            {
                throw new UserInputException($"{where}: expected a map with at least 'name'");
            }

            string? name = null;
            var clusters = new List<string>();
            var options = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var (keyNode, valueNode) in map.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
                var values = Values(valueNode, where, key);
                switch (key)
                {
                    case "name":
                        name = values is [var single] ? single : throw new UserInputException($"{where}: 'name' must be one value");
                        break;
                    case "cluster" when template.Scope == TemplateScope.Cluster:
                        clusters.AddRange(values ?? []);
                        break;
                    default:
                        if (!parameters.TryGetValue(key, out var parameter))
                        {
                            throw new UserInputException($"{where}: template '{template.Id}' has no option '{key}'");
                        }

                        if (values is ["true"] && parameter.ImplicitValue is not null && parameter.Type != ParameterType.Bool)
                        {
                            values = [parameter.ImplicitValue];
                        }
                        else if (values is ["false"] && parameter.Type != ParameterType.Bool)
                        {
                            values = null;
                        }

                        if (values is { Count: > 0 })
                        {
                            options[key] = values;
                        }

                        break;
                }
            }

            if (string.IsNullOrEmpty(name))
            {
                throw new UserInputException($"{where}: 'name' is missing");
            }

            if (seen.TryGetValue(name, out var first))
            {
                throw new UserInputException(string.Create(CultureInfo.InvariantCulture, $"{where}: name '{name}' repeats entry {first}"));
            }

            seen[name] = index;
            entries.Add(new BulkEntry(index, node.Start.Line, new GenerationRequest(template.Id, name, options, clusters, force)));
        }

        return entries.Count > 0 ? entries : throw new UserInputException($"{displayPath}: the list has no entries");
    }

    private static string Decode(byte[] bytes, string displayPath)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw new UserInputException($"{displayPath}: not UTF-8 text");
        }
    }

    private static List<string>? Values(YamlNode node, string where, string key) => node switch
    {
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "null" or "~" or "" } => null,
        YamlScalarNode scalar => [scalar.Value ?? string.Empty],
        YamlSequenceNode sequence => [.. sequence.Children.Select(c => c is YamlScalarNode s
            ? s.Value ?? string.Empty
            : throw new UserInputException($"{where}: '{key}' must be a value or a list of values"))],
        _ => throw new UserInputException($"{where}: '{key}' must be a value or a list of values"),
    };
}
