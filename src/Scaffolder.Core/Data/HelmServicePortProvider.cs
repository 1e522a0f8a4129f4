using System.Globalization;
using Scaffolder.Core.IO;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Scaffolder.Core.Data;

/// <summary>
/// <c>helm-service-port</c>: the port of an app's Service as its HelmRelease values declare it, so that a route agrees
/// with the app. Reads the document of <c>kind</c> named <c>name</c> in the file <c>file</c> (repository-relative),
/// follows the dotted <c>path</c> to a mapping of ports (<c>*</c> stands for the only key of its mapping, such as the
/// one service of an app) and returns the <c>port</c> (an int) of the entry named <c>prefer</c>, or of the only entry.
/// Null when the file is absent or not valid YAML, or the values do not say one port.
/// </summary>
public sealed class HelmServicePortProvider : IDataProvider
{
    /// <inheritdoc />
    public string Name => "helm-service-port";

    /// <inheritdoc />
    public object? Load(IReadOnlyDictionary<string, string> args, DataContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var file = context.Require(args, Name, "file");
        var kind = context.Require(args, Name, "kind");
        var path = context.Require(args, Name, "path").Split('.');
        var release = DataContext.Optional(args, "name");
        var prefer = DataContext.Optional(args, "prefer");
        var absolute = context.Resolve(file);
        if (context.FileSystem.GetFileKind(absolute) is not FileEntryKind.RegularFile)
        {
            return null;
        }

        YamlStream stream;
        try
        {
            stream = Yaml.YamlTree.LoadStream(System.Text.Encoding.UTF8.GetString(context.FileSystem.ReadRegularFile(absolute, file, context.Limits.MaxFileBytes)));
        }
        catch (YamlException)
        {
            // A file that does not parse says no port; `scaffold check` reports the file itself.
            return null;
        }

        var documents = stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>()
            .Where(root => Scalar(root, "kind") == kind && (release is null || Scalar(Map(root, "metadata"), "name") == release))
            .ToList();
        var ports = documents.Count == 1 ? documents[0] : null;
        foreach (var key in path)
        {
            ports = key == "*" ? (ports is { Children.Count: 1 } ? ports.Children.First().Value as YamlMappingNode : null) : Map(ports, key);
        }

        if (ports is not { Children.Count: > 0 })
        {
            return null;
        }

        var port = ports.Children.Count == 1 ? ports.Children.First().Value as YamlMappingNode : prefer is null ? null : Map(ports, prefer);
        return int.TryParse(Scalar(port, "port"), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and <= 65535 ? number : null;
    }

    private static YamlMappingNode? Map(YamlMappingNode? map, string key) =>
        map is not null && map.Children.TryGetValue(key, out var value) ? value as YamlMappingNode : null;

    private static string? Scalar(YamlMappingNode? map, string key) =>
        map is not null && map.Children.TryGetValue(key, out var value) && value is YamlScalarNode scalar ? scalar.Value : null;
}
