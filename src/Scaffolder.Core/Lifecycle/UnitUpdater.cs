using System.Text;
using Scaffolder.Core.IO;
using Scaffolder.Core.Planning;
using Scaffolder.Core.Templates;
using Scaffolder.Core.Text;

namespace Scaffolder.Core.Lifecycle;

/// <summary>
/// Re-renders recorded units with today's templates and their recorded answers (changed by <c>--set</c>), and merges
/// each file the unit owns three ways: base = the generated content found by its blob id in git, ours = the file now,
/// theirs = the new render. Shared files are edited again through their inserters, which leave entries already
/// there alone. A file the user deleted stays deleted unless restored; a file the template no longer has is deleted
/// only when unchanged since generation. A base that git does not have is a conflict offering the whole new render.
/// </summary>
public sealed class UnitUpdater(IFileSystem fileSystem, Planner planner, UnitRecorder recorder, IGitObjects git)
{
    /// <summary>Plans the update of the units whose answers files are <paramref name="answersPaths"/>.</summary>
    public UpdatePlan Plan(string repoRoot, IReadOnlyList<string> answersPaths, IReadOnlyDictionary<string, string> set, bool restore, TemplateCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(answersPaths);
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(catalog);
        var store = new AnswersStore(fileSystem, repoRoot);
        var units = answersPaths.Select(p => (Path: p, Answers: store.Load(p))).ToList();
        var requests = new List<GenerationRequest>();
        var owner = new List<int>();
        for (var u = 0; u < units.Count; u++)
        {
            foreach (var (recorded, index) in units[u].Answers.Requests.Select((r, i) => (r, i)))
            {
                requests.Add(Request(recorded, index == 0 ? set : new Dictionary<string, string>(), catalog, units[u].Answers.Unit));
                owner.Add(u);
            }
        }

        var plan = planner.Plan(repoRoot, requests, i => $"unit {units[owner[i]].Answers.Unit}", force: false, out var sets);
        var rendered = plan.Changes.ToDictionary(c => c.Path, StringComparer.Ordinal);
        var fingerprint = new TemplateFingerprint(fileSystem, repoRoot);
        var changes = new Dictionary<string, PlannedChange>(StringComparer.Ordinal);
        var conflicts = new List<string>();
        var notes = new List<string>();
        var bases = new List<byte[]>();
        var answers = new Dictionary<string, UnitAnswers>(StringComparer.Ordinal);
        var touched = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);

        // The generated contents (bases) of every owned file that differs from its render, read in one git call.
        var owned = units.SelectMany(u => u.Answers.Files.Where(f => !f.Shared)).ToList();
        var needed = owned.Where(f => rendered.TryGetValue(f.Path, out var c) && c.Before is not null && !c.Before.AsSpan().SequenceEqual(c.After))
            .Select(f => f.Blob).ToHashSet(StringComparer.Ordinal);
        var blobs = needed.Count == 0 ? new Dictionary<string, byte[]>() : git.ReadBlobs(needed);

        for (var u = 0; u < units.Count; u++)
        {
            var (path, unit) = units[u];
            var unitSets = Enumerable.Range(0, requests.Count).Where(i => owner[i] == u).Select(i => sets[i]).ToList();
            var renderedFiles = unitSets.SelectMany(s => s.Files).DistinctBy(f => f.Path).ToList();
            var renderedOwned = renderedFiles.Where(f => f.Definition.IfExists != IfExistsPolicy.Skip).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
            var collectors = renderedFiles.Where(f => f.Definition.CollectsResources).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
            var folders = renderedOwned.Select(Folder).ToHashSet(StringComparer.Ordinal);
            var recordedFiles = unit.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
            var paths = touched[path] = [.. renderedFiles.Select(f => f.Path), .. unitSets.SelectMany(s => s.Edits).Select(e => e.Path), .. unit.Files.Select(f => f.Path)];
            var keepRecord = new HashSet<string>(StringComparer.Ordinal);
            var removed = new HashSet<string>(StringComparer.Ordinal);

            foreach (var file in renderedOwned)
            {
                var change = rendered[file];
                if (recordedFiles.TryGetValue(file, out var record) && !record.Shared)
                {
                    if (change.Before is null)
                    {
                        if (!restore)
                        {
                            keepRecord.Add(file);
                            notes.Add($"{file}: deleted since generation; stays deleted (--restore brings it back)");
                            changes[file] = change with { Action = ChangeAction.Keep, After = [], Details = ["deleted by you; stays deleted"] };
                        }

                        continue;
                    }

                    if (change.Action == ChangeAction.Identical)
                    {
                        continue;
                    }

                    if (collectors.Contains(file) && SameLines(change.Before, change.After))
                    {
                        // A kustomization listing the same resources in another order (a follow-up appended its entry)
                        // is left as it is, and so is its record.
                        keepRecord.Add(file);
                        changes[file] = change with { Action = ChangeAction.Identical, After = change.Before, Details = [] };
                        continue;
                    }

                    changes[file] = Merge(change, blobs.GetValueOrDefault(record.Blob), conflicts, bases);
                }
                else if (change.Action == ChangeAction.Conflict)
                {
                    // The template now renders a file that exists with other content: never overwritten silently.
                    changes[file] = Merge(change, null, conflicts, bases);
                }
            }

            foreach (var record in unit.Files.Where(f => !f.Shared && !renderedOwned.Contains(f.Path)))
            {
                var absolute = Path.Combine(repoRoot, record.Path);
                if (!folders.Contains(Folder(record.Path)))
                {
                    notes.Add($"{record.Path}: recorded by {unit.Unit} but not in a folder its template renders; left alone");
                }
                else if (!fileSystem.FileExists(absolute))
                {
                    removed.Add(record.Path);
                }
                else
                {
                    var current = fileSystem.ReadAllBytes(absolute);
                    if (GitBlob.Id(current) == record.Blob)
                    {
                        removed.Add(record.Path);
                        changes[record.Path] = new PlannedChange(record.Path, ChangeAction.Delete, current, [], [$"no longer in template '{record.Template}'"]);
                    }
                    else
                    {
                        notes.Add($"{record.Path}: no longer in template '{record.Template}' but changed since generation; kept");
                    }
                }
            }

            var replacedEdits = ReplaceChangedEntries(unit, unitSets, rendered, changes, notes);
            answers[path] = Rerecord(unit, requests, owner, u, sets, rendered, fingerprint, keepRecord, removed, replacedEdits);
        }

        foreach (var (file, change) in changes.Where(c => c.Value.Action == ChangeAction.Keep && c.Value.After.Length == 0).ToList())
        {
            // A deleted file that stays deleted is not part of the plan.
            changes.Remove(file);
            plan = plan with { Changes = [.. plan.Changes.Where(c => c.Path != file)] };
        }

        // A new file the template renders that exists with other content is merged above; anything else left as a
        // conflict by the planner is offered in full.
        foreach (var change in plan.Changes.Where(c => c.Action == ChangeAction.Conflict && !changes.ContainsKey(c.Path)))
        {
            changes[change.Path] = Merge(change, null, conflicts, bases);
        }

        var merged = LifecyclePlans.Replace(plan with { Messages = [] }, changes.Values);
        PlanValidator.Validate(new Plan(repoRoot, [.. changes.Values.Where(c => c.Action == ChangeAction.Update && !conflicts.Contains(c.Path))], []));
        var withAnswers = LifecyclePlans.WithAnswers(merged, answers, fileSystem);
        var writes = withAnswers.Changes.Where(c => c.Action is ChangeAction.Create or ChangeAction.Update or ChangeAction.Delete && !c.Path.StartsWith(UnitAddress.AnswersFolder + "/", StringComparison.Ordinal))
            .Select(c => c.Path).ToHashSet(StringComparer.Ordinal);
        var behind = units.Where(u => touched[u.Path].Overlaps(writes) || Older(u.Answers, catalog)).Select(u => u.Answers.Unit).ToList();
        conflicts.Sort(StringComparer.Ordinal);
        return new UpdatePlan(withAnswers, conflicts, notes, behind, bases);
    }

    /// <summary>Whether a recorded template version is older than today's.</summary>
    private static bool Older(UnitAnswers unit, TemplateCatalog catalog) =>
        unit.Requests.Any(r => catalog.Ids.Contains(r.Template) && IsOlder(r.Version, catalog.Get(r.Template).Definition.Version));

    /// <summary>Versions compare numerically when both are dotted numbers (1.10 is newer than 1.9), else as different means older.</summary>
    internal static bool IsOlder(string recorded, string today)
    {
        static Version? Parse(string v) => Version.TryParse(v.Contains('.', StringComparison.Ordinal) ? v : v + ".0", out var parsed) ? parsed : null;
        return Parse(recorded) is { } a && Parse(today) is { } b ? a < b : recorded != today;
    }

    private UnitAnswers Rerecord(
        UnitAnswers unit,
        List<GenerationRequest> requests,
        List<int> owner,
        int u,
        RenderSet[] sets,
        Dictionary<string, PlannedChange> rendered,
        TemplateFingerprint fingerprint,
        HashSet<string> keepRecord,
        HashSet<string> removed,
        Dictionary<RecordedEdit, IReadOnlyList<string>> replacedEdits)
    {
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        UnitAnswers? next = null;
        foreach (var i in Enumerable.Range(0, requests.Count).Where(i => owner[i] == u))
        {
            var (request, set) = recorder.Record(requests[i], sets[i], fingerprint);
            var recording = UnitRecorder.Recording.Of(request, set, rendered, claimed, next, unit.Tool, recorder);
            next = next is null ? recording.Merge(null, asFollowUp: false) : recording.Merge(next, asFollowUp: true);
        }

        // Shared files keep their first record, and so do files left as they are (deleted by the user, or a reordered
        // kustomization); removed files go.
        var old = unit.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var files = next!.Files.Where(f => !removed.Contains(f.Path))
            .Select(f => old.TryGetValue(f.Path, out var before) && (before.Shared || keepRecord.Contains(f.Path)) ? before : f)
            .Concat(unit.Files.Where(f => f.Shared && next.Files.All(n => n.Path != f.Path)))
            .Concat(unit.Files.Where(f => !f.Shared && !removed.Contains(f.Path) && next.Files.All(n => n.Path != f.Path)))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        var edits = unit.Edits.Select(e => replacedEdits.TryGetValue(e, out var lines) ? e with { Lines = lines } : e).ToList();
        foreach (var edit in next.Edits.Where(e => e.Lines.Count > 0 && !unit.Edits.Any(o => o.File == e.File && o.Inserter == e.Inserter && o.Lines.SequenceEqual(e.Lines))))
        {
            edits.Add(edit);
        }

        return next with { Tool = recorder.Tool, Files = files, Edits = edits };
    }

    /// <summary>
    /// Shared-file entries whose template text changed: the inserters leave an entry that is already there alone, so
    /// the entry the unit inserted (its recorded lines, found exactly once in the planned content) is replaced in place
    /// by what the edit inserts today. An entry the user changed since is kept and reported. Returns the new lines of
    /// every replaced edit, for the answers.
    /// </summary>
    private Dictionary<RecordedEdit, IReadOnlyList<string>> ReplaceChangedEntries(
        UnitAnswers unit, List<RenderSet> unitSets, Dictionary<string, PlannedChange> rendered, Dictionary<string, PlannedChange> changes, List<string> notes)
    {
        var replaced = new Dictionary<RecordedEdit, IReadOnlyList<string>>();
        var renderedEdits = unitSets.SelectMany(s => s.Edits).ToList();
        foreach (var recorded in unit.Edits.Where(e => e.Lines.Count > 0))
        {
            var candidates = renderedEdits.Where(e => e.Path == recorded.File && e.Inserter == recorded.Inserter && e.TemplateId == recorded.Template).ToList();
            if (candidates.Count != 1 || unit.Edits.Count(e => e.File == recorded.File && e.Inserter == recorded.Inserter && e.Template == recorded.Template) != 1
                || recorder.Inserter(recorded.Inserter) is not { } inserter
                || (changes.GetValueOrDefault(recorded.File) ?? rendered.GetValueOrDefault(recorded.File)) is not { } change
                || change.Action is ChangeAction.Delete or ChangeAction.Conflict)
            {
                continue;
            }

            var edit = candidates[0];
            if (LineBlocks.Shape(recorded.Lines).SequenceEqual(LineBlocks.Shape(edit.Text.Split('\n')), StringComparer.Ordinal))
            {
                // The cheap test first: the template inserts the same entry as then (the usual case, also in bulk).
                continue;
            }

            var file = EditableText.Decode(change.After, recorded.File);
            var without = LineBlocks.Remove(file.Text, recorded.Lines, recorded.Opened, recorded.Emptied);
            if (without is null)
            {
                notes.Add($"{recorded.File}: the entry {unit.Unit} inserted was changed since; the template's new entry is not applied");
                continue;
            }

            var fresh = LineBlocks.Inserted(without, inserter.Apply(file.With(without), file.Lines(edit.Text), edit.Args, recorded.File));
            if (fresh.Lines.Count == 0 || fresh.Lines.SequenceEqual(recorded.Lines, StringComparer.Ordinal)
                || LineBlocks.Replace(file.Text, recorded.Lines, fresh.Lines) is not { } updated)
            {
                continue;
            }

            var after = file.Encode(updated);
            var before = change.Before;
            var same = before is not null && before.AsSpan().SequenceEqual(after);
            changes[recorded.File] = change with
            {
                Action = same ? ChangeAction.Identical : change.Action == ChangeAction.Create ? ChangeAction.Create : ChangeAction.Update,
                After = after,
                Details = [.. change.Details, $"{recorded.Inserter}: the entry of {unit.Unit} replaced with the template's new one"],
            };
            replaced[recorded] = fresh.Lines;
        }

        return replaced;
    }

    /// <summary>ours = the file now, theirs = the new render, merged on <paramref name="baseContent"/> (null: the whole render offered as a conflict).</summary>
    private PlannedChange Merge(PlannedChange change, byte[]? baseContent, List<string> conflicts, List<byte[]> bases)
    {
        var ours = change.Before!;
        var theirs = change.After;
        MergeResult result;
        if (baseContent is null)
        {
            result = new MergeResult(WholeFileConflict(ours, theirs), 1);
        }
        else if (baseContent.AsSpan().SequenceEqual(ours))
        {
            result = new MergeResult(theirs, 0);
        }
        else if (baseContent.AsSpan().SequenceEqual(theirs))
        {
            result = new MergeResult(ours, 0);
        }
        else
        {
            result = git.Merge(baseContent, ours, theirs, change.Path);
        }

        if (result.Conflicts > 0)
        {
            conflicts.Add(change.Path);
        }

        if (!result.Content.AsSpan().SequenceEqual(theirs))
        {
            // The file written is not the render, so the render (the next base) would never reach git otherwise.
            bases.Add(theirs);
        }

        var action = result.Content.AsSpan().SequenceEqual(ours) ? ChangeAction.Identical : ChangeAction.Update;
        var detail = result.Conflicts > 0
            ? baseContent is null ? "conflict: base not in git (never committed?); the whole new render is offered" : $"conflict: {result.Conflicts} conflicting change(s) marked"
            : "merged your changes with the template's";
        return new PlannedChange(change.Path, action, ours, result.Content, [detail]);
    }

    private static byte[] WholeFileConflict(byte[] ours, byte[] theirs)
    {
        static string Ended(byte[] bytes)
        {
            var text = Encoding.UTF8.GetString(bytes);
            return text.Length == 0 || text.EndsWith('\n') ? text : text + "\n";
        }

        return Encoding.UTF8.GetBytes($"<<<<<<< ours (the file now)\n{Ended(ours)}=======\n{Ended(theirs)}>>>>>>> theirs (the template today)\n");
    }

    private static bool SameLines(byte[] a, byte[] b)
    {
        static List<string> Sorted(byte[] bytes)
        {
            var lines = Encoding.UTF8.GetString(bytes).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
            lines.Sort(StringComparer.Ordinal);
            return lines;
        }

        return Sorted(a).SequenceEqual(Sorted(b), StringComparer.Ordinal);
    }

    private static string Folder(string path) => path.Contains('/', StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : string.Empty;

    internal static GenerationRequest Request(RecordedRequest recorded, IReadOnlyDictionary<string, string> set, TemplateCatalog catalog, string unit)
    {
        var definition = catalog.Get(recorded.Template).Definition;
        var known = definition.Parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var options = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var parameter in recorded.Parameters.Where(p => known.ContainsKey(p.Name)))
        {
            if (parameter.IsList || parameter.Items.Count > 0)
            {
                options[parameter.Name] = parameter.Items;
            }
        }

        foreach (var (key, value) in set)
        {
            if (!known.TryGetValue(key, out var parameter))
            {
                throw new UserInputException($"--set {key}: template '{definition.Id}' of unit {unit} has no parameter '{key}'");
            }

            if (value.Length == 0)
            {
                options.Remove(key);
            }
            else
            {
                options[key] = parameter.Type == ParameterType.List ? value.Split(',', StringSplitOptions.TrimEntries) : [value];
            }
        }

        return new GenerationRequest(recorded.Template, recorded.Name, options, definition.Scope == TemplateScope.Repo ? [] : recorded.Clusters);
    }
}
