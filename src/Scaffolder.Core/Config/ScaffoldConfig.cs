namespace Scaffolder.Core.Config;

/// <summary>
/// The repository conventions, as a plain tree that templates read (<c>{{config.secrets.storeName}}</c>) plus
/// typed accessors for the few values the code itself needs.
/// </summary>
public sealed class ScaffoldConfig
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Dictionary<string, object?>> clusterTrees = new(StringComparer.Ordinal);

    internal ScaffoldConfig(Dictionary<string, object?> root) => Root = root;

    /// <summary>The whole configuration tree.</summary>
    public IReadOnlyDictionary<string, object?> Root { get; }

    /// <summary>Clusters rendered when no <c>--cluster</c> is given.</summary>
    public IReadOnlyList<string> DefaultClusters => Strings("clusters.default");

    /// <summary>Every cluster the repository knows.</summary>
    public IReadOnlyList<string> KnownClusters => Strings("clusters.known");

    /// <summary>Returns the string at a dotted key.</summary>
    public string Text(string dottedKey) => Get(dottedKey) as string
        ?? throw new UserInputException($"config key '{dottedKey}' is not a string");

    /// <summary>Returns the list of strings at a dotted key (for a list of mappings, their <c>name</c> values).</summary>
    public IReadOnlyList<string> Strings(string dottedKey) => Get(dottedKey) is List<object?> list
        ? list.Select(item => item as string ?? (item as Dictionary<string, object?>)?.GetValueOrDefault("name") as string ?? string.Empty).ToList()
        : throw new UserInputException($"config key '{dottedKey}' is not a list");

    /// <summary>Returns the list of mappings at a dotted key.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> Maps(string dottedKey) => Get(dottedKey) is List<object?> list
        ? list.OfType<Dictionary<string, object?>>().ToList()
        : throw new UserInputException($"config key '{dottedKey}' is not a list");

    /// <summary>Returns the value at a dotted key, or null.</summary>
    public object? Get(string dottedKey)
    {
        object? current = Root;
        foreach (var part in dottedKey.Split('.'))
        {
            current = current is IReadOnlyDictionary<string, object?> map && map.TryGetValue(part, out var next)
                ? next
                : null;
        }

        return current;
    }

    /// <summary>
    /// The configuration tree for one cluster: every string with <c>{cluster}</c> has it replaced. Built once per
    /// cluster (bulk mode expands a thousand entries against it) and shared: templates only read it.
    /// </summary>
    public IReadOnlyDictionary<string, object?> ForCluster(string cluster) =>
        clusterTrees.GetOrAdd(cluster, c => (Dictionary<string, object?>)Substitute(Root, c)!);

    private static object? Substitute(object? node, string cluster)
    {
        switch (node)
        {
            case IReadOnlyDictionary<string, object?> map:
                var copy = new Dictionary<string, object?>(map.Count, StringComparer.Ordinal);
                foreach (var (key, value) in map)
                {
                    copy[key] = Substitute(value, cluster);
                }

                return copy;
            case List<object?> list:
                return list.ConvertAll(item => Substitute(item, cluster));
            case string text:
                return text.Replace("{cluster}", cluster, StringComparison.Ordinal);
            default:
                return node;
        }
    }
}
