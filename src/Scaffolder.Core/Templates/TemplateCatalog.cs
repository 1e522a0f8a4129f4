using System.Text;
using Scaffolder.Core.IO;

namespace Scaffolder.Core.Templates;

/// <summary>
/// The templates available in a repository: the built-in ones embedded in the tool, overridden or extended by
/// folders in <c>.scaffold/templates/&lt;id&gt;/</c>: a file there (a <c>*.sbn</c> template or <c>template.yaml</c>)
/// replaces the built-in file of the same name, and every other file still comes from the built-in template. Shared
/// partials live in <c>_partials/</c> (a repository partial of the same name replaces the built-in one). Nothing
/// else on the file system is read.
/// </summary>
public sealed class TemplateCatalog
{
    /// <summary>The repository folder holding template overrides.</summary>
    public const string RepoTemplatesFolder = ".scaffold/templates";

    /// <summary>
    /// The template <c>scaffold init</c> plans; it is not a <c>new</c> pattern, so <see cref="Ids"/> leaves it out
    /// (a repository may still override it in <c>.scaffold/templates/init/</c>).
    /// </summary>
    public const string InitId = "init";

    private const string PartialsFolder = "_partials";
    private const string ResourcePrefix = "templates/";
    private readonly Dictionary<string, Func<string, string?>> folders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> origins = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, LoadedTemplate> loaded = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> partials = new(StringComparer.Ordinal);

    private TemplateCatalog()
    {
    }

    /// <summary>Ids of the <c>new</c> templates, sorted (without <see cref="InitId"/>).</summary>
    public IReadOnlyList<string> Ids { get; private set; } = [];

    /// <summary>Shared partials (name → text).</summary>
    public IReadOnlyDictionary<string, string> Partials => partials;

    /// <summary>Builds the catalog for a repository (its overrides folder may be absent).</summary>
    /// <param name="fileSystem">The file system repository templates are read from.</param>
    /// <param name="repoRoot">The repository root; null for the built-in templates only.</param>
    /// <param name="limits">Bounds on each file read (the defaults when null).</param>
    public static TemplateCatalog Create(IFileSystem fileSystem, string? repoRoot, InputLimits? limits = null)
    {
        var maxBytes = (limits ?? InputLimits.Default).MaxFileBytes;
        var catalog = new TemplateCatalog();
        var assembly = typeof(TemplateCatalog).Assembly;
        var embedded = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var id in embedded.Select(n => n[ResourcePrefix.Length..].Split('/')[0]).Distinct())
        {
            var prefix = $"{ResourcePrefix}{id}/";
            catalog.folders[id] = file => embedded.Contains(prefix + file) ? ReadResource(prefix + file) : null;
            catalog.origins[id] = $"templates/{id}";
        }

        var repoFolder = repoRoot is null ? null : Path.Combine(repoRoot, RepoTemplatesFolder);
        var guard = repoRoot is null ? null : new PathGuard(fileSystem, repoRoot);
        if (repoFolder is not null && fileSystem.DirectoryExists(repoFolder))
        {
            foreach (var dir in fileSystem.EnumerateDirectories(repoFolder))
            {
                var id = Path.GetFileName(dir);
                var builtIn = catalog.folders.GetValueOrDefault(id);
                catalog.origins[id] = $"{RepoTemplatesFolder}/{id}";
                catalog.folders[id] = file =>
                {
                    // A template's files are read through the same guard as writes: no absolute paths, no '..',
                    // no symbolic link leading out of the repository.
                    var relative = $"{RepoTemplatesFolder}/{id}/{file}";
                    var path = guard!.Resolve(relative, "read");
                    if (fileSystem.GetFileKind(path) is not FileEntryKind.Missing)
                    {
                        return Encoding.UTF8.GetString(fileSystem.ReadRegularFile(path, relative, maxBytes)).TrimStart('\uFEFF');
                    }

                    // A file the repository does not override (template.yaml included) comes from the built-in
                    // template of the same id, so an override can be one file.
                    return builtIn?.Invoke(file);
                };
            }
        }

        var ids = new List<string>(catalog.folders.Keys);
        ids.Remove(PartialsFolder);
        ids.Remove(InitId);
        ids.Sort(StringComparer.Ordinal);
        catalog.Ids = ids;
        catalog.LoadPartials(embedded, repoFolder, fileSystem, maxBytes);
        return catalog;
    }

    /// <summary>Returns the template with <paramref name="id"/>; unknown ids are a user error.</summary>
    public LoadedTemplate Get(string id)
    {
        if (loaded.TryGetValue(id, out var template))
        {
            return template;
        }

        if (!folders.TryGetValue(id, out var read) || id == PartialsFolder)
        {
            throw new UserInputException($"unknown template '{id}'; known: {string.Join(", ", Ids)}");
        }

        var text = read("template.yaml") ?? throw new UserInputException($"template '{id}' has no template.yaml");
        var definition = TemplateYamlReader.Read(text, $"templates/{id}/template.yaml");

        if (definition.Id != id)
        {
            throw new UserInputException($"templates/{id}/template.yaml: id '{definition.Id}' does not match its folder '{id}'");
        }

        if (definition.Parameters.FirstOrDefault(p => string.IsNullOrEmpty(p.Name) || !p.Name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')) is { } bad)
        {
            throw new UserInputException($"templates/{id}/template.yaml: parameter name '{bad.Name}' must be kebab-case (lowercase letters, digits and '-')");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        if (definition.Parameters.FirstOrDefault(p => !names.Add(p.Name)) is { } twice)
        {
            // Options and bulk values are keyed by parameter name.
            throw new UserInputException($"templates/{id}/template.yaml: parameter '{twice.Name}' is declared twice");
        }

        // Files are read once: bulk generation renders the same files for every entry.
        var files = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        template = new LoadedTemplate(definition, origins[id], file => files.GetOrAdd(file, f => read(f)
            ?? throw new UserInputException($"template '{id}' has no file '{f}'")));

        // Bulk planning expands entries in parallel: the first thread to finish loading wins.
        return loaded.GetOrAdd(id, template);
    }

    private void LoadPartials(HashSet<string> embedded, string? repoFolder, IFileSystem fileSystem, long maxBytes)
    {
        var prefix = $"{ResourcePrefix}{PartialsFolder}/";
        foreach (var name in embedded.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            partials[Path.GetFileNameWithoutExtension(name[prefix.Length..])] = ReadResource(name);
        }

        var repoPartials = repoFolder is null ? null : Path.Combine(repoFolder, PartialsFolder);
        if (repoPartials is not null && fileSystem.DirectoryExists(repoPartials))
        {
            var guard = new PathGuard(fileSystem, Path.GetDirectoryName(Path.GetDirectoryName(repoFolder!))!);
            foreach (var file in fileSystem.EnumerateFiles(repoPartials, recursive: false).Where(f => f.EndsWith(".sbn", StringComparison.Ordinal)))
            {
                var relative = $"{RepoTemplatesFolder}/{PartialsFolder}/{Path.GetFileName(file)}";
                var path = guard.Resolve(relative, "read");
                partials[Path.GetFileNameWithoutExtension(file)] = Encoding.UTF8.GetString(fileSystem.ReadRegularFile(path, relative, maxBytes));
            }
        }
    }

    private static string ReadResource(string name)
    {
        using var stream = typeof(TemplateCatalog).Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
