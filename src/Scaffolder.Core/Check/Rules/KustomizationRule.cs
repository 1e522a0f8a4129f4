using Scaffolder.Core.IO;
using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check.Rules;

/// <summary>SCF025: a kustomization.yaml referencing a missing path, or a YAML file of its directory it does not list.</summary>
public sealed class KustomizationRule : IManifestRule
{
    private static readonly string[] ListKeys = ["resources", "components", "patchesStrategicMerge", "crds", "configurations", "transformers", "generators", "validators"];

    /// <inheritdoc />
    public string Id => "SCF025";

    /// <inheritdoc />
    public string Title => "Kustomization out of step with its directory";

    /// <inheritdoc />
    public string Principle => "Everything as Code: git is the source of truth (STACK §8 #12)";

    /// <inheritdoc />
    public string Rationale => "A file not listed in its kustomization is silently never applied; a listed file that does not exist breaks the whole Flux Kustomization.";

    /// <inheritdoc />
    public Severity Severity => Severity.Error;

    /// <inheritdoc />
    public string Fix => "List every YAML file of the directory in resources (or a generator), and remove references to missing paths.";

    /// <inheritdoc />
    public void Check(SourceFile file, LocatedDocument document, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(sink);
        if (file.FileName is not ("kustomization.yaml" or "kustomization.yml") || document.Map is not { } map
            || (document.Kind is not null && document.ApiVersion?.StartsWith("kustomize.config.k8s.io/", StringComparison.Ordinal) != true))
        {
            return;
        }

        // The directory was listed by the walk: that listing answers for the paths it holds, the file system for others.
        var fs = file.Repo.FileSystem;
        var directory = file.AbsoluteDirectory;
        var listing = file.Repo.Listings.List(directory);
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reference in References(map))
        {
            var text = reference.Value;
            if (text.Contains("://", StringComparison.Ordinal) || text.StartsWith("github.com/", StringComparison.Ordinal))
            {
                continue;
            }

            var path = Path.GetFullPath(Path.Combine(directory, text));
            referenced.Add(path);
            if (!IsListed(listing, path) && !fs.FileExists(path) && !fs.DirectoryExists(path))
            {
                sink.Report(this, reference, $"'{text}' does not exist.");
            }
        }

        List<string>? unlisted = null;
        foreach (var (path, isDirectory) in listing)
        {
            if (isDirectory)
            {
                continue;
            }

            var name = Path.GetFileName(path);
            if ((name.EndsWith(".yaml", StringComparison.Ordinal) || name.EndsWith(".yml", StringComparison.Ordinal))
                && name != file.FileName && !name.StartsWith('.') && !referenced.Contains(Path.GetFullPath(path)))
            {
                (unlisted ??= []).Add(name);
            }
        }

        // A kustomization above may reach into this folder (a parent's configMapGenerator naming child/file.yaml).
        unlisted?.RemoveAll(name => ReferencedFromAbove(file, Path.Combine(directory, name)));
        if (unlisted is { Count: > 0 })
        {
            var anchor = (LocatedNode?)map.GetEntry("resources")?.Key ?? map;
            unlisted.Sort(StringComparer.Ordinal);
            foreach (var name in unlisted)
            {
                sink.Report(this, anchor, $"'{name}' is in the directory but not listed.");
            }
        }
    }

    private static bool ReferencedFromAbove(SourceFile file, string path)
    {
        var root = Path.TrimEndingDirectorySeparator(file.Repo.Root);
        for (var folder = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(file.AbsoluteDirectory));
             folder is not null && folder.Length >= root.Length;
             folder = Path.GetDirectoryName(folder))
        {
            var kustomization = Path.Combine(folder, "kustomization.yaml");
            if (!file.Repo.FileSystem.FileExists(kustomization))
            {
                continue;
            }

            var read = file.Repo.Files.Read(kustomization);
            foreach (var document in Yaml.YamlStreamReader.Read(System.Text.Encoding.UTF8.GetString(read.Bytes)).Documents)
            {
                if (document.Map is { } map && References(map).Any(r => Path.GetFullPath(Path.Combine(folder, r.Value)) == path))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsListed(IReadOnlyList<DirectoryEntry> listing, string path)
    {
        foreach (var entry in listing)
        {
            if (entry.Path == path)
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<LocatedScalar> References(LocatedMapping map)
    {
        foreach (var key in ListKeys)
        {
            if (map.Get(key) is LocatedSequence list)
            {
                foreach (var item in list.Items.OfType<LocatedScalar>())
                {
                    yield return item;
                }
            }
        }

        foreach (var withPaths in new[] { map.Get("patches"), map.Get("replacements") }.OfType<LocatedSequence>())
        {
            foreach (var patch in withPaths.Items)
            {
                if (patch.At("path") is LocatedScalar path)
                {
                    yield return path;
                }
            }
        }

        foreach (var generator in new[] { "configMapGenerator", "secretGenerator" })
        {
            if (map.Get(generator) is not LocatedSequence items)
            {
                continue;
            }

            foreach (var item in items.Items.OfType<LocatedMapping>())
            {
                foreach (var list in new[] { item.Get("files"), item.Get("envs") }.OfType<LocatedSequence>())
                {
                    foreach (var source in list.Items.OfType<LocatedScalar>())
                    {
                        var equals = source.Value.IndexOf('=', StringComparison.Ordinal);
                        yield return equals < 0 ? source : new LocatedScalar(source.Value[(equals + 1)..], source.IsQuoted, source.Line, source.Column);
                    }
                }

                if (item.Get("env") is LocatedScalar env)
                {
                    yield return env;
                }
            }
        }
    }
}
