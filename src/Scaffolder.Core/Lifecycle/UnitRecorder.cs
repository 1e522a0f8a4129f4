using System.Text;
using Scaffolder.Core.Editing;
using Scaffolder.Core.IO;
using Scaffolder.Core.Planning;
using Scaffolder.Core.Templates;
using Scaffolder.Core.Text;

namespace Scaffolder.Core.Lifecycle;

/// <summary>
/// Plans <c>scaffold new</c> with its answers: every request is planned as usual, then the answers file of its unit
/// (<c>.scaffold/answers/&lt;template&gt;/&lt;name&gt;.yaml</c>) is added to the same plan, so it is shown, honours
/// <c>--dry-run</c> and is written atomically with the files it describes. A request with <c>--app X</c> is recorded
/// as a follow-up of the unit <c>app/X</c> when that unit has answers.
/// </summary>
public sealed class UnitRecorder
{
    private readonly IFileSystem fileSystem;
    private readonly Planner planner;
    private readonly TemplateCatalog catalog;

    /// <summary>Creates a recorder planning through <paramref name="planner"/>; <paramref name="tool"/> is the scaffold version.</summary>
    public UnitRecorder(IFileSystem fileSystem, Planner planner, TemplateCatalog catalog, string tool)
    {
        this.fileSystem = fileSystem;
        this.planner = planner;
        this.catalog = catalog;
        Tool = tool;
    }

    /// <summary>The scaffold version recorded in answers files.</summary>
    public string Tool { get; }

    /// <summary>Plans one request with its answers file.</summary>
    public Plan Plan(string repoRoot, GenerationRequest request) => Plan(repoRoot, [request], null, request.Force);

    /// <summary>Plans several requests (bulk mode) as one plan with their answers files.</summary>
    public Plan Plan(string repoRoot, IReadOnlyList<GenerationRequest> requests, Func<int, string>? label, bool force)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var store = new AnswersStore(fileSystem, repoRoot);
        requests = WithFollowUps(requests, store, label);
        var plan = planner.Plan(repoRoot, requests, label, force, out var sets);
        var fingerprint = new TemplateFingerprint(fileSystem, repoRoot);
        var changes = plan.Changes.ToDictionary(c => c.Path, StringComparer.Ordinal);
        var units = new Dictionary<string, UnitAnswers>(StringComparer.Ordinal);
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < requests.Count; i++)
        {
            var recorded = Record(requests[i], sets[i], fingerprint);
            var (path, existing) = Target(requests[i], store, units);
            var next = Recording.Of(recorded.Request, sets[i], changes, claimed, existing, Tool, this);
            units[path] = next.Merge(existing, asFollowUp: path != UnitAddress.AnswersPath(requests[i].TemplateId, requests[i].Name));
        }

        return LifecyclePlans.WithAnswers(plan, units, fileSystem);
    }

    /// <summary>
    /// The requests, each followed by the follow-ups recorded for its unit (<c>new secret --app X</c> after
    /// <c>new app X</c>), rendered with their recorded answers: a re-run renders the unit as it stands, so its
    /// kustomization and HelmRelease keep what the follow-ups added. Bulk runs (with a label) render only what they list.
    /// </summary>
    private List<GenerationRequest> WithFollowUps(IReadOnlyList<GenerationRequest> requests, AnswersStore store, Func<int, string>? label)
    {
        var result = new List<GenerationRequest>(requests);
        if (label is not null)
        {
            return result;
        }

        foreach (var request in requests)
        {
            var own = UnitAddress.AnswersPath(request.TemplateId, request.Name);
            if (!store.Exists(own))
            {
                continue;
            }

            var answers = store.Load(own);
            foreach (var followUp in answers.FollowUps)
            {
                if (!requests.Any(r => r.TemplateId == followUp.Template && r.Name == followUp.Name))
                {
                    result.Add(UnitUpdater.Request(followUp, new Dictionary<string, string>(StringComparer.Ordinal), catalog, answers.Unit) with { Force = request.Force });
                }
            }
        }

        return result;
    }

    /// <summary>Where a request is recorded: under the unit app/X for <c>--app X</c> when it has answers, else its own unit.</summary>
    internal static (string Path, UnitAnswers? Existing) Target(GenerationRequest request, AnswersStore store, Dictionary<string, UnitAnswers> units)
    {
        if (request.TemplateId != "app" && request.Options.TryGetValue("app", out var app) && app is [var owner])
        {
            var ownerPath = UnitAddress.AnswersPath("app", owner);
            if (units.TryGetValue(ownerPath, out var pending))
            {
                return (ownerPath, pending);
            }

            if (store.Exists(ownerPath))
            {
                return (ownerPath, store.Load(ownerPath));
            }
        }

        var own = UnitAddress.AnswersPath(request.TemplateId, request.Name);
        return (own, units.TryGetValue(own, out var same) ? same : store.Exists(own) ? store.Load(own) : null);
    }

    /// <summary>The inserter of that name, or null.</summary>
    internal IInserter? Inserter(string name) => planner.Extensions.Inserters.GetValueOrDefault(name);

    internal (RecordedRequest Request, RenderSet Set) Record(GenerationRequest request, RenderSet set, TemplateFingerprint fingerprint)
    {
        var definition = catalog.Get(request.TemplateId).Definition;
        var roots = set.Expansions.Where(e => e.Depth == 0).ToList();
        var parameters = new List<RecordedParameter>();
        foreach (var parameter in definition.Parameters)
        {
            var key = ParameterResolver.CamelCase(parameter.Name);
            var values = roots.Select(r => r.Values.GetValueOrDefault(key)).ToList();
            var first = values.Count > 0 ? values[0] : null;

            // A default resolved differently per cluster is not frozen: it is resolved again, per cluster, on update.
            if (values.Skip(1).Any(v => !Same(first, v)))
            {
                continue;
            }

            parameters.Add(first switch
            {
                List<string> list => new RecordedParameter(parameter.Name, true, list),
                bool flag => new RecordedParameter(parameter.Name, false, [flag ? "true" : "false"], Plain: true),
                int number => new RecordedParameter(parameter.Name, false, [number.ToString(System.Globalization.CultureInfo.InvariantCulture)], Plain: true),
                null => new RecordedParameter(parameter.Name, false, []),
                _ => new RecordedParameter(parameter.Name, false, [first.ToString() ?? string.Empty]),
            });
        }

        var clusters = roots.Select(r => r.Cluster).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return (new RecordedRequest(definition.Id, request.Name, definition.Version, fingerprint.Of(definition.Id), clusters, parameters), set);
    }

    private static bool Same(object? a, object? b) => (a, b) switch
    {
        (List<string> x, List<string> y) => x.SequenceEqual(y, StringComparer.Ordinal),
        _ => Equals(a, b),
    };

    /// <summary>The lines an edit inserts into <paramref name="content"/> when applied alone; empty when its entry is already there or it changes other lines.</summary>
    internal InsertedBlock InsertedLines(RenderedEdit edit, byte[] content)
    {
        if (!planner.Extensions.Inserters.TryGetValue(edit.Inserter, out var inserter))
        {
            return new InsertedBlock([], null, null);
        }

        var file = EditableText.Decode(content, edit.Path);
        var updated = inserter.Apply(file, file.Lines(edit.Text), edit.Args, edit.Path);
        return LineBlocks.Inserted(file.Text, updated);
    }

    /// <summary>What one request adds to its unit's answers.</summary>
    internal sealed record Recording(RecordedRequest Request, IReadOnlyList<RecordedInclude> Includes, List<RecordedFile> Files, List<RecordedEdit> Edits, string Tool)
    {
        public static Recording Of(
            RecordedRequest request,
            RenderSet set,
            Dictionary<string, PlannedChange> changes,
            HashSet<string> claimed,
            UnitAnswers? existing,
            string tool,
            UnitRecorder recorder)
        {
            var includes = set.Expansions.Where(e => e.Depth > 0)
                .Select(e => new RecordedInclude(e.TemplateId, e.Name, e.Cluster))
                .Distinct()
                .ToList();
            var owned = new HashSet<string>(existing?.Files.Where(f => !f.Shared).Select(f => f.Path) ?? [], StringComparer.Ordinal);
            var files = new List<RecordedFile>();
            foreach (var file in set.Files.DistinctBy(f => f.Path))
            {
                var change = changes[file.Path];
                var shared = file.Definition.IfExists == IfExistsPolicy.Skip;
                var created = change.Action == ChangeAction.Create && claimed.Add(file.Path);
                if (created || (!shared && change.Action is ChangeAction.Update or ChangeAction.Identical or ChangeAction.Conflict))
                {
                    files.Add(new RecordedFile(file.Path, GitBlob.Id(change.After), file.TemplateId, shared));
                    if (!shared)
                    {
                        owned.Add(file.Path);
                    }
                }
            }

            var edits = new List<RecordedEdit>();
            foreach (var edit in set.Edits.Concat(KustomizationEdits(set)))
            {
                if (owned.Contains(edit.Path) || !changes.TryGetValue(edit.Path, out var change))
                {
                    // An edit of a file the unit owns is part of that file's recorded content.
                    continue;
                }

                var rendered = set.Files.FirstOrDefault(f => f.Path == edit.Path && f.Content is not null)?.Content;
                var baseContent = change.Before ?? (rendered is null ? null : Encoding.UTF8.GetBytes(rendered));
                var block = baseContent is null ? new InsertedBlock([], null, null) : recorder.InsertedLines(edit, baseContent);
                edits.Add(new RecordedEdit(edit.Path, edit.Inserter, edit.TemplateId, block.Lines, block.Opened, block.Emptied));
            }

            // Files the unit owns that this plan changes (a follow-up's entry in the app's kustomization) are recorded
            // with their new content.
            if (existing is not null)
            {
                foreach (var file in existing.Files.Where(f => !f.Shared && changes.ContainsKey(f.Path) && files.TrueForAll(n => n.Path != f.Path)))
                {
                    files.Add(file with { Blob = GitBlob.Id(changes[file.Path].After) });
                }
            }

            return new Recording(request, includes, files, edits, tool);
        }

        /// <summary>Registrations the planner adds for files whose folder's kustomization this request does not render.</summary>
        private static IEnumerable<RenderedEdit> KustomizationEdits(RenderSet set)
        {
            var collected = set.Files.Where(f => f.Definition.CollectsResources).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
            return set.Files.Where(f => f.Definition.Registration is { } r && !collected.Contains(r.ListPath(f.Path)))
                .DistinctBy(f => f.Path)
                .OrderBy(f => f.Expansion).ThenBy(f => f.Definition.Order).ThenBy(f => f.Path, StringComparer.Ordinal)
                .Select(f => new RenderedEdit(
                    f.Definition.Registration!.ListPath(f.Path),
                    f.Definition.Registration!.Inserter,
                    Path.GetFileName(f.Path),
                    f.Definition.Registration!.With,
                    IfMissingPolicy.Error,
                    f.TemplateId));
        }


        /// <summary>The unit's answers with this recording: its root (a re-run replaces it) or one more follow-up.</summary>
        public UnitAnswers Merge(UnitAnswers? existing, bool asFollowUp)
        {
            if (existing is null)
            {
                return new UnitAnswers(Request, Tool, Includes, [], [.. Files.OrderBy(f => f.Path, StringComparer.Ordinal)], Edits);
            }

            var followUps = existing.FollowUps.ToList();
            if (asFollowUp)
            {
                followUps.RemoveAll(f => f.Template == Request.Template && f.Name == Request.Name);
                followUps.Add(Request);
            }

            var files = existing.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
            foreach (var file in Files)
            {
                files[file.Path] = files.TryGetValue(file.Path, out var old) && old.Shared && file.Shared ? old : file;
            }

            var edits = existing.Edits.ToList();
            foreach (var edit in Edits)
            {
                // A re-run finds its entries already there: the lines first inserted stay recorded.
                var known = edits.Exists(e => e.File == edit.File && e.Inserter == edit.Inserter && e.Template == edit.Template
                    && (edit.Lines.Count == 0 || e.Lines.SequenceEqual(edit.Lines, StringComparer.Ordinal)));
                if (!known)
                {
                    edits.Add(edit);
                }
            }

            return new UnitAnswers(
                asFollowUp ? existing.Root : Request,
                Tool,
                asFollowUp ? existing.Includes : Includes,
                followUps,
                [.. files.Values.OrderBy(f => f.Path, StringComparer.Ordinal)],
                edits);
        }
    }
}
