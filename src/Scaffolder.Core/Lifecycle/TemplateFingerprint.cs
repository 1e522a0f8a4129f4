using System.Security.Cryptography;
using System.Text;
using Scaffolder.Core.IO;
using Scaffolder.Core.Templates;

namespace Scaffolder.Core.Lifecycle;

/// <summary>
/// The content hash of a template folder (<c>sha256:…</c> over every file's relative name and bytes, in ordinal order):
/// the repository's override in <c>.scaffold/templates/&lt;id&gt;/</c> when there is one, else the built-in template.
/// </summary>
public sealed class TemplateFingerprint(IFileSystem fileSystem, string repoRoot)
{
    private readonly Dictionary<string, string> hashes = new(StringComparer.Ordinal);

    /// <summary>The hash of template <paramref name="id"/>.</summary>
    public string Of(string id)
    {
        lock (hashes)
        {
            if (!hashes.TryGetValue(id, out var hash))
            {
                hashes[id] = hash = Compute(id);
            }

            return hash;
        }
    }

    private string Compute(string id)
    {
        // Names sorted once, not a SortedDictionary: its generic code over string keys is not in the ReadyToRun
        // images, and the JIT compiled some forty of its methods on every 'scaffold new'.
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var folder = Path.Combine(repoRoot, TemplateCatalog.RepoTemplatesFolder, id);
        if (fileSystem.DirectoryExists(folder))
        {
            foreach (var file in fileSystem.EnumerateFiles(folder, recursive: true))
            {
                files[Path.GetRelativePath(folder, file).Replace('\\', '/')] = fileSystem.ReadAllBytes(file);
            }
        }
        else
        {
            var assembly = typeof(TemplateFingerprint).Assembly;
            var prefix = $"templates/{id}/";
            foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                files[name[prefix.Length..]] = copy.ToArray();
            }
        }

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var names = files.Keys.ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        foreach (var name in names)
        {
            var content = files[name];
            sha.AppendData(Encoding.UTF8.GetBytes(name));
            sha.AppendData([0]);
            sha.AppendData(content);
            sha.AppendData([0]);
        }

        return "sha256:" + Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
