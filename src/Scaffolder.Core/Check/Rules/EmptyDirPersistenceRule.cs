using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check.Rules;

/// <summary>
/// SCF006: an emptyDir holds what looks like persistent data. Heuristic: the emptyDir volume (or app-template
/// persistence entry) is named, or mounted at a path whose last segment is, one of data, config, db, database,
/// storage, state, persistence, pgdata, uploads, library, backups; or it is mounted under <c>/var/lib/</c>.
/// Scratch names (tmp, cache, run, logs…) never match.
/// </summary>
public sealed class EmptyDirPersistenceRule : IManifestRule
{
    private static readonly HashSet<string> DataWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "data", "config", "db", "database", "storage", "state", "persistence", "pgdata", "uploads", "library", "backups",
    };

    /// <inheritdoc />
    public string Id => "SCF006";

    /// <inheritdoc />
    public string Title => "emptyDir used for persistent data";

    /// <inheritdoc />
    public string Principle => "New Storage: never use emptyDir for persistent data";

    /// <inheritdoc />
    public string Rationale => "An emptyDir is deleted with its pod; data, config or database directories on it are lost on every restart.";

    /// <inheritdoc />
    public Severity Severity => Severity.Warning;

    /// <inheritdoc />
    public string Fix => "Use a Longhorn PVC: `scaffold new storage <name> --app <app> --block --size 10Gi`.";

    /// <inheritdoc />
    public void Check(SourceFile file, LocatedDocument document, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(sink);
        Dictionary<string, List<string>>? mounts = null;
        foreach (var map in document.Mappings)
        {
            if (map.GetEntry("emptyDir") is { } volume && map.Get("name")?.Text is { } name)
            {
                mounts ??= CollectMounts(document);
                var paths = mounts.TryGetValue(name, out var found) ? found : [];
                if (LooksPersistent(name, paths))
                {
                    sink.Report(this, volume.Key, $"The emptyDir volume '{name}' looks like persistent data ({Describe(name, paths)}).");
                }
            }
            else if (map.Get("persistence") is LocatedMapping persistence)
            {
                foreach (var entry in persistence.Entries)
                {
                    if (entry.Value is LocatedMapping item && item.GetEntry("type") is { } type && type.Value.Text == "emptyDir")
                    {
                        var paths = item.DescendantMappings().Select(m => m.Get("path")?.Text).OfType<string>().ToList();
                        if (LooksPersistent(entry.Key.Value, paths))
                        {
                            sink.Report(this, type.Value, $"The emptyDir persistence entry '{entry.Key.Value}' looks like persistent data ({Describe(entry.Key.Value, paths)}).");
                        }
                    }
                }
            }
        }
    }

    private static Dictionary<string, List<string>> CollectMounts(LocatedDocument document)
    {
        var mounts = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var map in document.Mappings)
        {
            if (map.Get("volumeMounts") is LocatedSequence list)
            {
                foreach (var mount in list.Items.OfType<LocatedMapping>())
                {
                    if (mount.Get("name")?.Text is { } name && mount.Get("mountPath")?.Text is { } path)
                    {
                        if (!mounts.TryGetValue(name, out var paths))
                        {
                            mounts[name] = paths = [];
                        }

                        paths.Add(path);
                    }
                }
            }
        }

        return mounts;
    }

    private static bool LooksPersistent(string name, List<string> paths) =>
        DataWords.Contains(name) || paths.Any(p => p.StartsWith("/var/lib/", StringComparison.Ordinal) || DataWords.Contains(LastSegment(p)));

    private static string LastSegment(string path)
    {
        var trimmed = path.TrimEnd('/');
        return trimmed[(trimmed.LastIndexOf('/') + 1)..];
    }

    private static string Describe(string name, List<string> paths) =>
        paths.Count == 0 ? $"named '{name}'" : $"mounted at {string.Join(", ", paths)}";
}
