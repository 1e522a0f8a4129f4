using Scaffolder.Core.IO;
using Scaffolder.Core.Planning;
using Scaffolder.Core.Templates;
using Scaffolder.Core.Text;

namespace Scaffolder.Core.Lifecycle;

/// <summary>
/// Plans the removal of a unit: its files are deleted when they still hold what scaffold wrote (changed ones are
/// kept and reported unless forced), and the lines it inserted into shared files are taken out again, every other
/// byte kept. Only paths the answers tie to the unit and that its template renders for its name (or that lie in a
/// folder it renders) are touched; a shared file another unit also records is never deleted.
/// </summary>
public sealed class UnitRemover(IFileSystem fileSystem, Planner planner, TemplateCatalog catalog)
{
    /// <summary>Plans removing the unit whose answers file is <paramref name="answersPath"/>.</summary>
    public RemovePlan Plan(string repoRoot, string answersPath, bool force)
    {
        var store = new AnswersStore(fileSystem, repoRoot);
        var unit = store.Load(answersPath);
        var others = store.Paths().Where(p => p != answersPath).Select(store.Load).ToList();
        var referenced = others.SelectMany(o => o.Files.Select(f => f.Path).Concat(o.Edits.Select(e => e.File))).ToHashSet(StringComparer.Ordinal);

        // What today's template renders for this unit: the paths it may touch.
        var requests = unit.Requests.Select(r => UnitUpdater.Request(r, new Dictionary<string, string>(), catalog, unit.Unit)).ToList();
        planner.Plan(repoRoot, requests, i => $"unit {unit.Unit}", force: false, out var sets);
        var renderedFiles = sets.SelectMany(s => s.Files).ToList();
        var renderable = renderedFiles.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var folders = renderedFiles.Where(f => f.Definition.IfExists != IfExistsPolicy.Skip).Select(f => Folder(f.Path)).ToHashSet(StringComparer.Ordinal);
        var editable = sets.SelectMany(s => s.Edits).Select(e => e.Path)
            .Concat(renderedFiles.Where(f => f.Definition.Registration is not null).Select(f => f.Definition.Registration!.ListPath(f.Path)))
            .ToHashSet(StringComparer.Ordinal);

        var guard = new PathGuard(fileSystem, repoRoot);
        var kept = new List<string>();
        var texts = new Dictionary<string, (byte[] Before, EditableText Text)>(StringComparer.Ordinal);
        var changes = new List<PlannedChange>();
        var deleted = new HashSet<string>(StringComparer.Ordinal);

        foreach (var file in unit.Files)
        {
            var absolute = guard.Resolve(file.Path);
            if (!renderable.Contains(file.Path) && (file.Shared || !folders.Contains(Folder(file.Path))))
            {
                kept.Add($"{file.Path}: template '{file.Template}' does not render it for {unit.Unit}; left alone");
                continue;
            }

            if (!fileSystem.FileExists(absolute))
            {
                continue;
            }

            var current = fileSystem.ReadAllBytes(absolute);
            var unchanged = GitBlob.Id(current) == file.Blob;
            if (file.Shared && (referenced.Contains(file.Path) || !unchanged))
            {
                // Other units use it (or it changed): only this unit's lines come out of it, below.
                continue;
            }

            if (unchanged || force)
            {
                deleted.Add(file.Path);
                changes.Add(new PlannedChange(file.Path, ChangeAction.Delete, current, [], [unchanged ? $"created by {unit.Unit}" : "changed since generation; removed (--force)"]));
            }
            else
            {
                kept.Add($"{file.Path}: changed since generation; kept (--force removes it)");
            }
        }

        foreach (var edit in Enumerable.Reverse(unit.Edits.ToList()).Where(e => e.Lines.Count > 0 && !deleted.Contains(e.File)))
        {
            if (!editable.Contains(edit.File))
            {
                kept.Add($"{edit.File}: template '{edit.Template}' does not edit it for {unit.Unit}; its lines are left alone");
                continue;
            }

            var absolute = guard.Resolve(edit.File);
            if (!texts.TryGetValue(edit.File, out var entry))
            {
                if (!fileSystem.FileExists(absolute))
                {
                    continue;
                }

                var bytes = fileSystem.ReadAllBytes(absolute);
                entry = texts[edit.File] = (bytes, EditableText.Decode(bytes, edit.File));
            }

            var without = LineBlocks.Remove(entry.Text.Text, edit.Lines, edit.Opened, edit.Emptied);
            if (without is null)
            {
                kept.Add($"{edit.File}: the {edit.Lines.Count} line(s) {edit.Inserter} inserted for {unit.Unit} are not there exactly once; left as they are");
                continue;
            }

            texts[edit.File] = (entry.Before, entry.Text.With(without));
        }

        foreach (var (path, (before, text)) in texts)
        {
            var after = text.Encode(text.Text);
            if (!after.AsSpan().SequenceEqual(before))
            {
                changes.Add(new PlannedChange(path, ChangeAction.Update, before, after, [$"lines of {unit.Unit} removed"]));
            }
        }

        var answersBytes = fileSystem.ReadAllBytes(guard.Resolve(answersPath));
        changes.Add(new PlannedChange(answersPath, ChangeAction.Delete, answersBytes, [], [$"answers of unit {unit.Unit}"]));
        changes.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        var plan = new Plan(repoRoot, changes, []);
        PlanValidator.Validate(plan);
        return new RemovePlan(plan, kept);
    }

    private static string Folder(string path) => path.Contains('/', StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : string.Empty;

}
