using System.Globalization;
using Scaffolder.Core.IO;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Scaffolder.Core.Data;

/// <summary>
/// <c>helm-service-port</c>: the port of an app's Service as its HelmRelease values declare it, so that a route agrees
/// with the app. Reads the HelmRelease named <c>name</c> in the file <c>file</c> (repository-relative) and returns the
/// port (an int) of its only <c>service</c> entry: the port named <c>http</c>, or its only port. Null when the file is
/// absent, is not valid YAML, or the values do not say one port.
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
        var release = DataContext.Optional(args, "name");
        var absolute = context.Resolve(file);
        if (context.FileSystem.GetFileKind(absolute) is not FileEntryKind.RegularFile)
        {
            return null;
        }

        YamlStream stream;
        try
        {
            stream = Config.YamlTree.LoadStream(System.Text.Encoding.UTF8.GetString(context.FileSystem.ReadRegularFile(absolute, file, context.Limits.MaxFileBytes)));
        }
        catch (YamlException)
        {
            // A file that does not parse says no port; `scaffold check` reports the file itself.
            return null;
        }

        var releases = stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>()
            .Where(root => Scalar(root, "kind") == "HelmRelease" && (release is null || Scalar(Map(root, "metadata"), "name") == release))
            .ToList();
        if (releases.Count != 1 || Map(Map(Map(releases[0], "spec"), "values"), "service") is not { Children.Count: 1 } services
            || Map(services.Children.First().Value as YamlMappingNode, "ports") is not { Children.Count: > 0 } ports)
        {
            return null;
        }

        var port = ports.Children.Count == 1 ? ports.Children.First().Value as YamlMappingNode : Map(ports, "http");
        return int.TryParse(Scalar(port, "port"), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and <= 65535 ? number : null;
    }

    private static YamlMappingNode? Map(YamlMappingNode? map, string key) =>
        map is not null && map.Children.TryGetValue(key, out var value) ? value as YamlMappingNode : null;

    private static string? Scalar(YamlMappingNode? map, string key) =>
        map is not null && map.Children.TryGetValue(key, out var value) && value is YamlScalarNode scalar ? scalar.Value : null;
}
