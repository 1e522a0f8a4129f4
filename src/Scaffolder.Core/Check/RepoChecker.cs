using System.Diagnostics;
using System.Text;
using Scaffolder.Core.Check.Rules;
using Scaffolder.Core.IO;
using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check;

/// <summary>
/// Checks a repo: walks the given paths, reads each file once (in parallel when allowed), runs file and
/// manifest rules on it and keeps only findings and small facts, then runs the repository rules on the
/// facts. Output order is deterministic whatever the parallelism.
/// </summary>
public sealed class RepoChecker
{
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.Ordinal) { ".git", "node_modules", "bin", "obj" };
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private const int ParallelBatchPerWorker = 128;
    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    private readonly IFileSystem fileSystem;
    private readonly CheckConventions conventions;
    private readonly IReadOnlyList<ICheckRule> rules;

    /// <summary>Creates a checker with the built-in rules.</summary>
    public RepoChecker(IFileSystem fileSystem, CheckConventions conventions)
        : this(fileSystem, conventions, BuiltInRules.Create(conventions))
    {
    }

    /// <summary>Creates a checker with the given rules.</summary>
    public RepoChecker(IFileSystem fileSystem, CheckConventions conventions, IReadOnlyList<ICheckRule> rules)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentNullException.ThrowIfNull(conventions);
        ArgumentNullException.ThrowIfNull(rules);
        this.fileSystem = fileSystem;
        this.conventions = conventions;
        this.rules = rules;
    }

    /// <summary>The rules this checker runs when no filter is given.</summary>
    public IReadOnlyList<ICheckRule> Rules => rules;

    /// <summary>
    /// Checks <paramref name="paths"/> (files or directories, absolute or relative to <paramref name="repoRoot"/>;
    /// empty checks the whole root). Cross-file facts are always gathered from the whole repository, so a folder checked
    /// alone gives the findings it gives in a whole-repository check; only findings under the paths are reported.
    /// Findings carry paths relative to <paramref name="repoRoot"/>.
    /// </summary>
    public CheckReport Check(string repoRoot, IReadOnlyList<string> paths, CheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(repoRoot);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var rules = SelectRules(options);
        var root = Path.GetFullPath(repoRoot);
        var repo = new RepoContext(root, fileSystem, conventions) { Files = new RepoFileReader(fileSystem, root, options.MaxFileBytes) };
        var skipRule = rules.OfType<SkippedPathRule>().FirstOrDefault();
        var fileRules = rules.OfType<IFileRule>().ToArray();
        var manifestRules = rules.OfType<IManifestRule>().ToArray();
        var crds = Schema.CrdSchemaSet.Load(
            fileSystem,
            [.. options.CrdDirectories.Concat(conventions.CrdDirectories).Select(d => Path.GetFullPath(Path.Combine(root, d))).Distinct(StringComparer.Ordinal)]);
        var collector = new FactCollector(conventions, crds.Count == 0 ? null : crds.Has);

        // Files stream in repo-relative ordinal order and each result is folded in at once: only findings,
        // suppression ranges of files that have them, and the small facts are kept, never per-file results.
        var facts = new RepoFacts(conventions) { Repo = repo, Crds = crds };
        var findings = new List<Finding>();
        var ignores = new Dictionary<string, IReadOnlyList<IgnoreRange>>(StringComparer.Ordinal);
        // Facts come from the whole repository; rules run, and findings are kept, only under the paths asked for.
        var scopes = paths.Select(p => Path.GetRelativePath(root, Path.GetFullPath(Path.Combine(root, p))).Replace('\\', '/'))
            .Select(p => p == "." ? string.Empty : p)
            .ToArray();
        bool InScope(string file) =>
            scopes.Length == 0 || Array.Exists(scopes, s => s.Length == 0 || file == s || (file.StartsWith(s, StringComparison.Ordinal) && file.Length > s.Length && file[s.Length] == '/'));
        var manifests = 0;
        var fileCount = 0;
        void Absorb(FileResult result)
        {
            // The summary counts what was checked: files and manifests under the paths asked for, not the whole
            // repository read for its facts.
            var counted = InScope(result.File);
            fileCount += result.WasRead && counted ? 1 : 0;
            facts.Add(result.Facts);
            findings.AddRange(result.Findings);
            manifests += counted ? result.Manifests : 0;
            if (result.Ignores.Count > 0)
            {
                ignores[result.File] = result.Ignores;
            }
        }

        var files = EnumerateFiles(repo, options);
        if (options.MaxParallelism <= 1)
        {
            foreach (var entry in files)
            {
                Absorb(CheckFile(repo, entry, InScope(entry.Relative), fileRules, manifestRules, collector, skipRule));
            }
        }
        else
        {
            // Bounded ordered batches: files of a batch are checked in parallel, then folded in file order.
            var batchSize = ParallelBatchPerWorker * options.MaxParallelism;
            var batch = new List<CheckEntry>(batchSize);
            var results = new FileResult[batchSize];
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelism };
            void RunBatch()
            {
                Parallel.For(0, batch.Count, parallel, i => results[i] = CheckFile(repo, batch[i], InScope(batch[i].Relative), fileRules, manifestRules, collector, skipRule));
                for (var i = 0; i < batch.Count; i++)
                {
                    Absorb(results[i]);
                    results[i] = null!;
                }

                batch.Clear();
            }

            foreach (var entry in files)
            {
                batch.Add(entry);
                if (batch.Count == batchSize)
                {
                    RunBatch();
                }
            }

            RunBatch();
        }

        facts.ResolveNamespaces();
        var repoSink = new FindingSink(string.Empty);
        foreach (var rule in rules.OfType<IRepositoryRule>())
        {
            rule.Check(facts, repoSink);
        }

        findings.AddRange(repoSink.Findings.Where(f => InScope(f.File)));
        var ignoredPaths = conventions.IgnorePaths.Select(p => new PathGlob(p)).ToArray();
        var report = findings
            .Where(f => f.Severity >= options.MinSeverity)
            .Select(f => IsSuppressed(f, ignores, ignoredPaths) ? f with { Suppressed = true } : f)
            .OrderBy(f => f.File, StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ThenBy(f => f.Column)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToList();
        return new CheckReport(report, [.. rules.OrderBy(r => r.Id, StringComparer.Ordinal)], fileCount, manifests, clock.ElapsedMilliseconds);
    }

    private List<ICheckRule> SelectRules(CheckOptions options)
    {
        if (options.RuleIds.Count == 0)
        {
            return [.. rules];
        }

        var wanted = options.RuleIds.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. rules.Where(r => wanted.Contains(r.Id))];
    }

    private static bool IsSuppressed(Finding finding, Dictionary<string, IReadOnlyList<IgnoreRange>> ignores, PathGlob[] ignoredPaths) =>
        ignoredPaths.Any(g => g.IsMatch(finding.File))
        || (ignores.TryGetValue(finding.File, out var ranges)
            && ranges.Any(r => finding.Line >= r.StartLine && finding.Line <= r.EndLine && r.RuleIds.Contains(finding.RuleId)));

    /// <summary>
    /// The files to check, in repo-relative ordinal order. A single directory (the usual case: the whole repo) is
    /// walked lazily, each directory's entries sorted on their own, so the full path list is never built; the
    /// walk order equals the ordinal order of the paths because a directory sorts as its name plus <c>/</c>.
    /// The whole repository is always walked: the paths asked for only narrow the findings. The walk never descends through
    /// a symbolic link to a directory (so it cannot loop): one leading out of the repository or to a folder above it
    /// is yielded with a note, one to another folder of the repository is left to the walk of that folder.
    /// </summary>
    private IEnumerable<CheckEntry> EnumerateFiles(RepoContext repo, CheckOptions options)
    {
        var excluded = options.ExcludeGlobs.Select(g => new PathGlob(g)).ToArray();
        return SelectAll(WalkSorted(repo, repo.Root));

        // The checked files among absolute paths: a known kind and no exclude glob (a loop, not LINQ: once per file).
        IEnumerable<CheckEntry> SelectAll(IEnumerable<WalkItem> items)
        {
            foreach (var item in items)
            {
                var relative = Path.GetRelativePath(repo.Root, item.Path).Replace('\\', '/');
                if (IsExcluded(relative))
                {
                    continue;
                }

                if (item.Skipped is not null)
                {
                    yield return new CheckEntry(relative, SourceKind.Yaml, item.Skipped);
                }
                else if (KindOf(relative) is { } kind)
                {
                    yield return new CheckEntry(relative, kind, null);
                }
            }
        }

        bool IsExcluded(string relative)
        {
            foreach (var glob in excluded)
            {
                if (glob.IsMatch(relative))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private IEnumerable<WalkItem> WalkSorted(RepoContext repo, string directory)
    {
        // Sorted by name, a directory's name with a '/' after it: the order of the paths it yields.
        var children = new List<WalkChild>();
        IReadOnlyList<DirectoryEntry> entries;
        try
        {
            entries = repo.Listings.List(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            entries = [];
            children.Add(new WalkChild(string.Empty, new DirectoryEntry(directory, false), $"cannot be listed ({ex.Message}): not checked"));
        }

        foreach (var entry in entries)
        {
            var name = Path.GetFileName(entry.Path);
            if (!entry.IsDirectory)
            {
                children.Add(new WalkChild(name, entry, null));
            }
            else if (!SkippedDirectories.Contains(name))
            {
                if (fileSystem.GetEntryKind(entry.Path) != FileEntryKind.SymbolicLink)
                {
                    children.Add(new WalkChild(name + "/", entry, null));
                }
                else if (repo.Files.DirectoryLinkNote(entry.Path) is { } note)
                {
                    children.Add(new WalkChild(name, new DirectoryEntry(entry.Path, false), note));
                }
            }
        }

        children.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        foreach (var child in children)
        {
            if (!child.Entry.IsDirectory)
            {
                yield return new WalkItem(child.Entry.Path, child.Skipped);
                continue;
            }

            foreach (var file in WalkSorted(repo, child.Entry.Path))
            {
                yield return file;
            }
        }
    }

    private sealed record WalkChild(string Key, DirectoryEntry Entry, string? Skipped);

    /// <summary>A path the walk found, and why it is not read (a note), if so.</summary>
    private sealed record WalkItem(string Path, string? Skipped);

    /// <summary>A file to check: its repo-relative path and kind, or a path not read and why.</summary>
    private sealed record CheckEntry(string Relative, SourceKind Kind, string? Skipped);

    private static SourceKind? KindOf(string path)
    {
        var extension = Path.GetExtension(path);
        return extension switch
        {
            ".yaml" or ".yml" => SourceKind.Yaml,
            ".tf" => SourceKind.Terraform,
            ".hcl" or ".tfvars" => SourceKind.Hcl,
            ".env" => SourceKind.Env,
            _ => null,
        };
    }

    private FileResult CheckFile(
        RepoContext repo,
        CheckEntry entry,
        bool inScope,
        IFileRule[] fileRules,
        IManifestRule[] manifestRules,
        FactCollector collector,
        SkippedPathRule? skipRule)
    {
        var read = entry.Skipped is null ? repo.Files.Read(repo.AbsolutePath(entry.Relative)) : new FileReadResult([], entry.Skipped, null);
        if (read.Skipped is not null)
        {
            var skipSink = new FindingSink(entry.Relative);
            if (skipRule is not null && inScope)
            {
                skipSink.Report(skipRule, 1, 1, $"'{entry.Relative}' {read.Skipped}.");
            }

            return new FileResult(entry.Relative, skipSink.Findings, [], [], 0, WasRead: false);
        }

        // A dangling link or an unreadable file must not stop the run: it is reported (SCF031) and checked as empty.
        var bytes = read.Bytes;
        var unreadable = read.Error is null ? null : new YamlSyntaxError($"cannot read the file ({read.Error})", 1, 1);
        // The UTF-8 byte order mark, literally: Utf8.Preamble is empty for an encoding that emits none.
        var skip = bytes.AsSpan().StartsWith(ByteOrderMark) ? ByteOrderMark.Length : 0;
        var text = Utf8.GetString(bytes, skip, bytes.Length - skip);
        var yaml = unreadable is not null ? new YamlFileContent([], unreadable)
            : entry.Kind == SourceKind.Yaml ? YamlStreamReader.Read(text)
            : null;
        var file = new SourceFile(repo, entry.Relative, entry.Kind, text, yaml);
        var sink = new FindingSink(entry.Relative);
        foreach (var rule in inScope ? fileRules : [])
        {
            rule.Check(file, sink);
        }

        var manifests = 0;
        List<IgnoreRange>? ignores = null;
        foreach (var document in yaml?.Documents ?? [])
        {
            if (document.Root is null)
            {
                continue;
            }

            manifests += document.IsManifest ? 1 : 0;
            foreach (var rule in inScope ? manifestRules : [])
            {
                rule.Check(file, document, sink);
            }

            if (document.Annotations?.Get(conventions.IgnoreAnnotation)?.Text is { } ignore
                && IgnoreAnnotation.Parse(ignore) is { HasReason: true } parsed)
            {
                (ignores ??= []).Add(new IgnoreRange(document.StartLine, document.EndLine, parsed.RuleIds));
            }
        }

        foreach (var line in LineSuppression.Find(file))
        {
            if (line.Ignore.HasReason)
            {
                (ignores ??= []).Add(new IgnoreRange(line.TargetLine, line.TargetLine, line.Ignore.RuleIds));
            }
        }

        var facts = new List<object>();
        collector.Collect(file, facts);
        return new FileResult(entry.Relative, sink.Findings, facts, (IReadOnlyList<IgnoreRange>?)ignores ?? [], manifests, WasRead: true);
    }

    private sealed record IgnoreRange(int StartLine, int EndLine, IReadOnlySet<string> RuleIds);

    private sealed record FileResult(
        string File,
        IReadOnlyList<Finding> Findings,
        IReadOnlyList<object> Facts,
        IReadOnlyList<IgnoreRange> Ignores,
        int Manifests,
        bool WasRead);
}
