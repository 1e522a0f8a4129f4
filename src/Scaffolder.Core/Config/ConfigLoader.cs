using System.Globalization;
using System.Text;
using Scaffolder.Core.IO;
using Scaffolder.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Scaffolder.Core.Config;

/// <summary>
/// Loads the repository conventions: the embedded defaults (<c>scaffold.defaults.yaml</c>, which is also what
/// <c>scaffold init</c> writes) overlaid with the repository's <c>.scaffold.yaml</c>. The defaults define the schema:
/// an unknown key or a value of the wrong shape or type is an error naming file, line and key.
/// </summary>
/// <param name="fileSystem">The file system the configuration is read from.</param>
/// <param name="limits">Bounds on the file read (the defaults when null).</param>
public sealed class ConfigLoader(IFileSystem fileSystem, InputLimits? limits = null)
{
    /// <summary>The file name of the repository configuration.</summary>
    public const string FileName = ".scaffold.yaml";

    /// <summary>Mappings whose keys are the user's (label sets): a given mapping replaces the default, values must be single values.</summary>
    private static readonly HashSet<string> OpenMappings = new(StringComparer.Ordinal) { "monitoring.ruleLabels" };

    /// <summary>The commented default configuration, as shipped.</summary>
    public static string DefaultsText { get; } = ReadDefaults();

    /// <summary>The configuration of a repository without <c>.scaffold.yaml</c>: the embedded defaults.</summary>
    public static ScaffoldConfig LoadDefaults() => new(ParseDefaults());

    private static Dictionary<string, object?> ParseDefaults() =>
        (Dictionary<string, object?>)YamlTree.ToPlain(YamlTree.Load(DefaultsText, "defaults")!, "defaults")!;

    /// <summary>Loads the configuration of the repository at <paramref name="repoRoot"/>.</summary>
    public ScaffoldConfig Load(string repoRoot)
    {
        var defaults = ParseDefaults();
        var text = ReadText(fileSystem, repoRoot, limits ?? InputLimits.Default);
        if (text is not null)
        {
            var node = YamlTree.Load(text, FileName);
            if (node is not null)
            {
                if (node is not YamlMappingNode map)
                {
                    throw new UserInputException($"{FileName}:{YamlTree.Position(node)}: the configuration must be a mapping of keys");
                }

                Overlay(defaults, map, string.Empty);
            }
        }

        return new ScaffoldConfig(defaults);
    }

    /// <summary>
    /// The text of the repository's <c>.scaffold.yaml</c>, or null when it has none. It must be a regular UTF-8 file
    /// inside the repository of at most <see cref="InputLimits.MaxFileBytes"/>: a directory, FIFO, device or socket, or a
    /// symbolic link leading out of the repository, is refused with a user error, never opened.
    /// </summary>
    public static string? ReadText(IFileSystem fileSystem, string repoRoot, InputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentNullException.ThrowIfNull(limits);
        var path = Path.Combine(repoRoot, FileName);
        if (fileSystem.GetLinkTarget(path) is not null)
        {
            // Through the guard of writes: a link (or chain of links) must stay inside the repository.
            new PathGuard(fileSystem, repoRoot).Resolve(FileName, "read");
        }

        return fileSystem.GetFileKind(path) switch
        {
            FileEntryKind.Missing when fileSystem.GetLinkTarget(path) is not null => throw new UserInputException($"{FileName} is a symbolic link to nothing"),
            FileEntryKind.Missing => null,
            _ => Decode(fileSystem.ReadRegularFile(path, FileName, limits.MaxFileBytes)),
        };
    }

    /// <summary>
    /// The index of the first C0 control other than tab and line breaks, or DEL (never in a YAML file); -1 if none.
    /// A plain loop: a config file is small, and vectorised searches cost more to set up at start-up than they save.
    /// </summary>
    private static int FirstControlCharacter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is (< ' ' and not ('\t' or '\n' or '\r')) or '\u007F')
            {
                return i;
            }
        }

        return -1;
    }

    private static string Decode(byte[] bytes)
    {
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
            var control = FirstControlCharacter(text);
            return control < 0
                ? text
                : throw new UserInputException($"{FileName}:{text[..control].Count(c => c == '\n') + 1}: control character U+{(int)text[control]:X4} (a YAML file holds printable text only)");
        }
        catch (DecoderFallbackException)
        {
            throw new UserInputException($"{FileName}: not UTF-8 text");
        }
    }

    private static void Overlay(Dictionary<string, object?> target, YamlMappingNode source, string prefix)
    {
        foreach (var (keyNode, valueNode) in source.Children)
        {
            var key = keyNode is YamlScalarNode scalarKey ? scalarKey.Value ?? string.Empty : string.Empty;
            var dotted = prefix.Length == 0 ? key : $"{prefix}.{key}";
            if (!target.TryGetValue(key, out var current))
            {
                throw Error(keyNode, $"unknown key '{dotted}'");
            }

            target[key] = Merge(current, valueNode, dotted);
        }
    }

    private static object? Merge(object? current, YamlNode node, string key)
    {
        switch (current)
        {
            case Dictionary<string, object?> map:
                if (node is not YamlMappingNode mapping)
                {
                    throw Error(node, $"'{key}' must be a mapping");
                }

                if (OpenMappings.Contains(key))
                {
                    return YamlTree.ToDictionary(
                        mapping,
                        k => k is YamlScalarNode scalarKey ? scalarKey.Value ?? string.Empty : throw Error(k, $"'{key}' keys must be single values"),
                        v => (object?)CheckScalar(string.Empty, v as YamlScalarNode ?? throw Error(v, $"'{key}' values must be single values"), key),
                        (n, message) => Error(n, message));
                }

                var copy = new Dictionary<string, object?>(map, StringComparer.Ordinal);
                Overlay(copy, mapping, key);
                return copy;
            case List<object?> list:
                if (node is not YamlSequenceNode sequence)
                {
                    throw Error(node, $"'{key}' must be a list");
                }

                var shape = list.Count > 0 ? list[0] : null;
                return sequence.Children.Select((item, i) => MergeItem(shape, item, $"{key}[{i}]")).ToList();
            default:
                if (node is not YamlScalarNode scalar)
                {
                    throw Error(node, $"'{key}' must be a single value");
                }

                return CheckScalar(current, scalar, key);
        }
    }

    private static object? MergeItem(object? shape, YamlNode node, string key)
    {
        if (shape is null && node is not YamlScalarNode)
        {
            // An empty default list has no item shape: its owner validates the items (e.g. evaluate.layers).
            return YamlTree.ToPlain(node, FileName);
        }

        if (shape is not Dictionary<string, object?> map)
        {
            return Merge(shape as string ?? string.Empty, node, key);
        }

        if (node is not YamlMappingNode mapping)
        {
            throw Error(node, $"'{key}' must be a mapping");
        }

        var item = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var name = keyNode is YamlScalarNode scalarKey ? scalarKey.Value ?? string.Empty : throw Error(keyNode, $"'{key}' keys must be single values");
            if (!map.TryGetValue(name, out var fieldShape))
            {
                throw Error(keyNode, $"unknown key '{key}.{name}'");
            }

            item[name] = Merge(fieldShape, valueNode, $"{key}.{name}");
        }

        var missing = map.Keys.FirstOrDefault(k => !item.ContainsKey(k));
        return missing is null ? item : throw Error(node, $"'{key}' is missing key '{missing}'");
    }

    private static object? CheckScalar(object? current, YamlScalarNode scalar, string key)
    {
        var value = scalar.Value ?? string.Empty;
        switch (current)
        {
            case bool:
                return value switch
                {
                    "true" => true,
                    "false" => false,
                    _ => throw Error(scalar, $"'{key}' must be true or false, not '{value}'"),
                };
            case string text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _):
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _)
                    ? value
                    : throw Error(scalar, $"'{key}' must be a whole number, not '{value}'");
            default:
                if (value.Length == 0)
                {
                    throw Error(scalar, $"'{key}' must not be empty");
                }

                if (value.Length > 1024)
                {
                    throw Error(scalar, $"'{key}' is too long ({value.Length} characters, at most 1024)");
                }

                if (value.Contains('\n', StringComparison.Ordinal))
                {
                    throw Error(scalar, $"'{key}' must be a single line");
                }

                if (key.StartsWith("paths.", StringComparison.Ordinal) && value.Split('/', '\\').Any(PathGuard.IsVcsName))
                {
                    throw Error(scalar, $"'{key}' leads into the repository's version-control folder ({PathGuard.VcsFolder}); nothing is ever written there");
                }

                return value;
        }
    }

    private static UserInputException Error(YamlNode node, string message) =>
        new($"{FileName}:{YamlTree.Position(node)}: {message}");

    private static string ReadDefaults()
    {
        using var stream = typeof(ConfigLoader).Assembly.GetManifestResourceStream("resources/scaffold.defaults.yaml")
            ?? throw new InvalidOperationException("embedded defaults missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
