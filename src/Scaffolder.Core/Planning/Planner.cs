using System.Text;
using Scaffolder.Core.Config;
using Scaffolder.Core.Data;
using Scaffolder.Core.Editing;
using Scaffolder.Core.IO;
using Scaffolder.Core.Rendering;
using Scaffolder.Core.Templates;
using Scaffolder.Core.Text;

namespace Scaffolder.Core.Planning;

/// <summary>
/// Builds the plan of a request: expands the template per cluster, registers files in their folder's kustomization,
/// compares every file with the repository, applies edits through inserters, and validates the result
/// (every YAML output parses, no path leaves the repository). It never writes.
/// </summary>
public sealed class Planner
{
    private readonly IFileSystem fileSystem;
    private readonly TemplateCatalog catalog;
    private readonly ScaffoldConfig config;
    private readonly TemplateRenderer renderer;
    private readonly ExtensionTable extensions;
    private readonly InputLimits limits;

    /// <summary>
    /// Creates a planner over a repository's templates and config, with the inserters, data providers and file kinds of
    /// <paramref name="extensions"/> (<see cref="ExtensionTable.BuiltIn"/> when null); the files it reads are bounded by
    /// <paramref name="limits"/> (the defaults when null); <paramref name="renderer"/> (a new one over the catalog's
    /// partials when null) may already hold templates parsed by <see cref="TemplatePrefetch"/>.
    /// </summary>
    public Planner(IFileSystem fileSystem, TemplateCatalog catalog, ScaffoldConfig config, ExtensionTable? extensions = null, InputLimits? limits = null, TemplateRenderer? renderer = null)
    {
        this.limits = limits ?? InputLimits.Default;
        this.extensions = extensions ?? ExtensionTable.BuiltIn;
        this.fileSystem = fileSystem;
        this.catalog = catalog;
        this.config = config;
        this.renderer = renderer ?? new TemplateRenderer(catalog.Partials);
    }

    /// <summary>The inserters, data providers and file kinds templates name.</summary>
    public ExtensionTable Extensions => extensions;

    /// <summary>Plans <paramref name="request"/> against the repository at <paramref name="repoRoot"/>.</summary>
    public Plan Plan(string repoRoot, GenerationRequest request)
    {
        var set = new RenderSet();
        var expander = NewExpander(repoRoot, concurrentIncludes: true);
        Expand(request, expander, set);
        return Build(repoRoot, set, expander, request.Force);
    }

    /// <summary>
    /// Plans several requests as one plan (bulk generation): every request is expanded into the same set, so edits
    /// of shared files (a ResourceSet, a kustomization) accumulate, and the plan is applied all-or-nothing.
    /// A request that fails is named by <paramref name="label"/> (its index → for example "entry 3 (name 'x')").
    /// </summary>
    public Plan Plan(string repoRoot, IReadOnlyList<GenerationRequest> requests, Func<int, string> label, bool force)
    {
        ArgumentNullException.ThrowIfNull(label);
        return Plan(repoRoot, requests, label, force, out _);
    }

    /// <summary>
    /// Plans requests as one plan like the bulk overload, and returns what each request rendered (the lifecycle records
    /// it in answers files). Without <paramref name="label"/>, a failing request's error is reported as is.
    /// </summary>
    internal Plan Plan(string repoRoot, IReadOnlyList<GenerationRequest> requests, Func<int, string>? label, bool force, out RenderSet[] rendered)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var expander = NewExpander(repoRoot, concurrentIncludes: requests.Count < ParallelFromEntries);
        // Entries expand independently into their own sets, on every core for large values files, and are merged in
        // entry order: the plan and the error reported (the first failing entry) do not depend on the threads.
        var sets = new RenderSet[requests.Count];
        LargePlans.For(
            requests.Count,
            i =>
            {
                sets[i] = new RenderSet();
                try
                {
                    Expand(requests[i], expander, sets[i]);
                }
                catch (UserInputException ex) when (label is not null)
                {
                    throw new UserInputException($"{label(i)}: {ex.Message}");
                }
            },
            ParallelFromEntries);

        var set = new RenderSet();
        var offset = 0;
        foreach (var one in sets)
        {
            // Expansion indexes continue across requests, so a folder lists the resources of earlier requests first.
            var shift = offset;
            set.Files.AddRange(shift == 0 ? one.Files : one.Files.ConvertAll(f => f with { Expansion = f.Expansion + shift }));
            offset += one.Expansions.Count;
            set.Edits.AddRange(one.Edits);
            set.Messages.AddRange(one.Messages);
        }

        rendered = sets;
        return Build(repoRoot, set, expander, force);
    }

    /// <summary>Bulk plans with at least this many entries expand them on every core.</summary>
    private const int ParallelFromEntries = 32;

    private TemplateExpander NewExpander(string repoRoot, bool concurrentIncludes = false) =>
        new(catalog, renderer, config, extensions, id => new DataContext(fileSystem, repoRoot, id, limits), concurrentIncludes);

    private void Expand(GenerationRequest request, TemplateExpander expander, RenderSet set)
    {
        var template = catalog.Get(request.TemplateId).Definition;
        if (template.Scope == TemplateScope.Repo)
        {
            if (request.Clusters.Count > 0)
            {
                throw new UserInputException($"template '{template.Id}' is not per cluster: --cluster does not apply");
            }

            expander.Expand(request.TemplateId, request.Name, request.Options, null, set);
        }
        else
        {
            var clusters = request.Clusters.Count > 0 ? request.Clusters.Distinct(StringComparer.Ordinal).ToList() : config.DefaultClusters;
            if (clusters.Count == 0)
            {
                throw new UserInputException("no cluster to render for: clusters.default in .scaffold.yaml is empty; give --cluster");
            }

            foreach (var cluster in clusters)
            {
                if (!config.KnownClusters.Contains(cluster, StringComparer.Ordinal))
                {
                    throw new UserInputException($"unknown cluster '{cluster}': known clusters are {string.Join(", ", config.KnownClusters)} (clusters.known in .scaffold.yaml)");
                }

                expander.Expand(request.TemplateId, request.Name, request.Options, cluster, set);
            }
        }
    }

    private Plan Build(string repoRoot, RenderSet set, TemplateExpander expander, bool force)
    {
        var guard = new PathGuard(fileSystem, repoRoot);
        var files = Deduplicate(set.Files);
        var edits = new List<RenderedEdit>(set.Edits);
        var planned = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var group in files.Values.Where(f => f.Definition.Registration is not null).GroupBy(f => f.Definition.Registration!.ListPath(f.Path)))
        {
            var list = group.Key;
            var names = ResourceNames(group);
            if (!files.TryGetValue(list, out var collector) || !collector.Definition.CollectsResources)
            {
                var registration = group.First().Definition.Registration!;
                edits.AddRange(names.Select(n => new RenderedEdit(list, registration.Inserter, n, registration.With, IfMissingPolicy.Error, group.First().TemplateId)));
            }
        }

        // One pass over the files per folder (not per collector): bulk plans have thousands of folders.
        var registeredByList = files.Values.Where(f => f.Definition.Registration is not null).ToLookup(f => f.Definition.Registration!.ListPath(f.Path), StringComparer.Ordinal);
        var collected = new Dictionary<string, (List<string> Names, RegistrationDefinition Registration)>(StringComparer.Ordinal);
        foreach (var collector in files.Values.Where(f => f.Definition.CollectsResources).ToList())
        {
            var registered = registeredByList[collector.Path].ToList();
            var resources = ResourceNames(registered);
            if (registered.Count > 0)
            {
                collected[collector.Path] = (resources, registered[0].Definition.Registration!);
            }

            files[collector.Path] = collector with { Content = expander.RenderCollected(collector, resources) };
        }

        var changes = new Dictionary<string, PlannedChange>(StringComparer.Ordinal);
        foreach (var file in files.Values)
        {
            var absolute = guard.Resolve(file.Path);
            var after = Encoding.UTF8.GetBytes(file.Content!);
            var before = ReadExisting(absolute, file.Path);
            if (before is not null && collected.TryGetValue(file.Path, out var list) && MergeResources(before, list.Names, list.Registration, file.Path) is { } merged)
            {
                // A kustomization that exists keeps every entry (another pattern's, the user's) and gets the missing ones.
                var same = merged.AsSpan().SequenceEqual(before);
                changes[file.Path] = new PlannedChange(file.Path, same ? ChangeAction.Identical : ChangeAction.Update, before, merged, same ? [] : ["resources merged: missing entries added, every entry kept"]);
                planned[file.Path] = file.Content!;
                continue;
            }

            var action = before switch
            {
                null => ChangeAction.Create,
                _ when before.AsSpan().SequenceEqual(after) => ChangeAction.Identical,
                _ when file.Definition.IfExists == IfExistsPolicy.Skip => ChangeAction.Keep,
                _ when force => ChangeAction.Update,
                _ => ChangeAction.Conflict,
            };
            changes[file.Path] = new PlannedChange(file.Path, action, before, action == ChangeAction.Keep ? before! : after, [$"from template '{file.TemplateId}'"]);
            planned[file.Path] = file.Content!;
        }

        var manualEdits = new List<string>();

        // Edits of one file keep their order; a run of edits with the same inserter and arguments (one registry entry
        // per app in bulk mode) is applied in one pass, so a thousand entries do not re-read the file a thousand times.
        foreach (var fileEdits in edits.GroupBy(e => e.Path, StringComparer.Ordinal))
        {
            var run = new List<RenderedEdit>();
            foreach (var edit in fileEdits)
            {
                if (run.Count > 0 && !SameEdit(run[0], edit))
                {
                    ApplyEdits(run, guard, changes, repoRoot, manualEdits);
                    run = [];
                }

                run.Add(edit);
            }

            ApplyEdits(run, guard, changes, repoRoot, manualEdits);
        }

        var sorted = new List<PlannedChange>(changes.Values);
        sorted.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        var plan = new Plan(
            repoRoot,
            sorted,
            [.. set.Messages.Concat(manualEdits).Distinct(StringComparer.Ordinal)])
        {
            RealDirectories = PlanApplier.RealDirectories(guard, sorted),
        };
        PlanValidator.Validate(plan);
        return plan;
    }

    /// <summary>
    /// The file names of a folder's resources in kustomization order: by expansion (the requested template's files,
    /// then each include's, as follow-up patterns would append them), then by the template's order, then by path.
    /// List.Sort rather than OrderBy/ThenBy, whose int key costs start-up JIT work; paths are unique, so the order is total.
    /// </summary>
    internal static List<string> ResourceNames(IEnumerable<RenderedFile> files)
    {
        var sorted = new List<RenderedFile>(files);
        sorted.Sort((a, b) => a.Expansion != b.Expansion ? a.Expansion.CompareTo(b.Expansion)
            : a.Definition.Order != b.Definition.Order ? a.Definition.Order.CompareTo(b.Definition.Order)
            : string.CompareOrdinal(a.Path, b.Path));
        return sorted.ConvertAll(f => Path.GetFileName(f.Path));
    }

    /// <summary>
    /// An existing list (a kustomization) with <paramref name="resources"/> added where missing, through the
    /// registration's inserter, or null when it cannot be edited (it is then planned like any file).
    /// </summary>
    private byte[]? MergeResources(byte[] before, List<string> resources, RegistrationDefinition registration, string path)
    {
        if (!extensions.Inserters.TryGetValue(registration.Inserter, out var inserter))
        {
            return null;
        }

        try
        {
            var file = EditableText.Decode(before, path);
            return file.Encode(inserter.ApplyAll(file, resources, registration.With, path));
        }
        catch (UserInputException)
        {
            return null;
        }
    }

    private static bool SameEdit(RenderedEdit a, RenderedEdit b) =>
        a.Inserter == b.Inserter && a.IfMissing == b.IfMissing && a.Args.Count == b.Args.Count
        && a.Args.All(p => b.Args.TryGetValue(p.Key, out var value) && value == p.Value);

    /// <summary>
    /// Applies a run of edits of one file that share inserter and arguments; what an inserter leaves to the user (the
    /// file lacks the expected shape, or is absent for <c>ifMissing: note</c>) is added to <paramref name="manualEdits"/>.
    /// </summary>
    private void ApplyEdits(List<RenderedEdit> run, PathGuard guard, Dictionary<string, PlannedChange> changes, string repoRoot, List<string> manualEdits)
    {
        var edit = run[0];
        if (!extensions.Inserters.TryGetValue(edit.Inserter, out var inserter))
        {
            throw new UserInputException($"template '{edit.TemplateId}': unknown inserter '{edit.Inserter}'; known: {string.Join(", ", extensions.Inserters.Keys.Order(StringComparer.Ordinal))}");
        }

        var absolute = guard.Resolve(edit.Path);
        changes.TryGetValue(edit.Path, out var current);
        byte[]? before = current?.Before;
        byte[] content;
        if (current is not null)
        {
            content = current.After;
        }
        else if (ReadExisting(absolute, edit.Path) is { } existing)
        {
            before = existing;
            content = before;
        }
        else if (edit.IfMissing == IfMissingPolicy.Skip)
        {
            return;
        }
        else if (edit.IfMissing == IfMissingPolicy.Note)
        {
            manualEdits.AddRange(run.Select(e => $"{e.Path} does not exist: where the app's values are, add by hand under {e.Args.GetValueOrDefault("path")}:\n{Indent(e.Text)}"));
            return;
        }
        else
        {
            var hint = InitCreates(repoRoot, edit.Path) ? "; `scaffold init` creates it (and the other shared files) where absent" : string.Empty;
            throw new UserInputException($"{edit.Path} does not exist: template '{edit.TemplateId}' needs it to add {Summary(edit)}{hint}");
        }

        var file = EditableText.Decode(content, edit.Path);
        string updated;
        try
        {
            updated = run.Count == 1
                ? inserter.Apply(file, file.Lines(edit.Text), edit.Args, edit.Path)
                : inserter.ApplyAll(file, run.Select(e => file.Lines(e.Text)).ToList(), edit.Args, edit.Path);
        }
        catch (ManualEditException manual)
        {
            // The file does not have the shape the edit expects: what fitted is kept, the rest is the user's to add.
            manualEdits.Add(manual.Message);
            updated = manual.Partial ?? file.Text;
        }

        if (updated == file.Text)
        {
            changes[edit.Path] = current ?? new PlannedChange(edit.Path, ChangeAction.Identical, before, content, []);
            return;
        }

        var after = file.Encode(updated);
        var action = current?.Action is ChangeAction.Create ? ChangeAction.Create
            : before is not null && before.AsSpan().SequenceEqual(after) ? ChangeAction.Identical
            : current?.Action is ChangeAction.Conflict ? ChangeAction.Conflict
            : ChangeAction.Update;
        var descriptions = run.Count == 1
            ? [$"{edit.Inserter}: {inserter.Describe(file, updated, file.Lines(edit.Text), edit.Args, edit.Path) ?? Summary(edit)}"]
            : run.Select(e => $"{e.Inserter}: {Summary(e)}");
        changes[edit.Path] = new PlannedChange(edit.Path, action, before, after, [.. current?.Details ?? [], .. descriptions]);
    }

    /// <summary>
    /// The bytes of a file the plan creates or edits, or null when there is none: a directory, FIFO, device or socket in
    /// its place is refused without being opened, and so is a file over the size limit.
    /// </summary>
    private byte[]? ReadExisting(string absolute, string path) =>
        fileSystem.GetFileKind(absolute) is FileEntryKind.Missing ? null : fileSystem.ReadRegularFile(absolute, path, limits.MaxFileBytes);

    /// <summary>Whether the <c>init</c> template, for any known cluster, writes <paramref name="path"/>.</summary>
    private bool InitCreates(string repoRoot, string path)
    {
        try
        {
            var expander = NewExpander(repoRoot);
            var set = new RenderSet();
            foreach (var cluster in config.KnownClusters)
            {
                expander.Expand(TemplateCatalog.InitId, TemplateCatalog.InitId, new Dictionary<string, IReadOnlyList<string>>(), cluster, set);
            }

            return set.Files.Any(f => f.Path == path);
        }
        catch (UserInputException)
        {
            // A repository's broken override of the init template only loses the hint.
            return false;
        }
    }

    private static string Indent(string text) =>
        string.Join('\n', text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n').Select(l => l.Length == 0 ? l : "    " + l));

    private static string Summary(RenderedEdit edit)
    {
        var firstLine = edit.Text.TrimStart('-', ' ', '\n').Split('\n')[0].Trim();
        return edit.Args.TryGetValue("key", out var key) ? $"{key}: {firstLine}" : firstLine;
    }

    private static Dictionary<string, RenderedFile> Deduplicate(IEnumerable<RenderedFile> files)
    {
        var result = new Dictionary<string, RenderedFile>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (result.TryGetValue(file.Path, out var existing))
            {
                if (existing.Content != file.Content || existing.Definition.CollectsResources != file.Definition.CollectsResources)
                {
                    throw new UserInputException($"templates '{existing.TemplateId}' and '{file.TemplateId}' both write {file.Path} with different content");
                }

                continue;
            }

            result[file.Path] = file;
        }

        return result;
    }

    private static string Folder(string path) => path.Contains('/', StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : string.Empty;

}
