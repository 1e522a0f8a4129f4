using System.Diagnostics;
using System.Text;
using Scaffolder.Core.Check.Yaml;
using Scaffolder.Core.IO;

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

    private readonly IFileSystem _fileSystem;
    private readonly CheckConventions _conventions;
    private readonly IReadOnlyList<ICheckRule> _rules;

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
        _fileSystem = fileSystem;
        _conventions = conventions;
        _rules = rules;
    }

    /// <summary>The rules this checker runs when no filter is given.</summary>
    public IReadOnlyList<ICheckRule> Rules => _rules;

    /// <summary>
    /// Checks <paramref name="paths"/> (files or directories, absolute or relative to <paramref name="repoRoot"/>;
    /// empty checks the whole root). Findings carry paths relative to <paramref name="repoRoot"/>.
    /// </summary>
    public CheckReport Check(string repoRoot, IReadOnlyList<string> paths, CheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(repoRoot);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var repo = new RepoContext(Path.GetFullPath(repoRoot), _fileSystem, _conventions);
        var rules = SelectRules(options);
        var fileRules = rules.OfType<IFileRule>().ToArray();
        var manifestRules = rules.OfType<IManifestRule>().ToArray();
        var collector = new FactCollector(_conventions);

        // Files stream in repo-relative ordinal order and each result is folded in at once: only findings,
        // suppression ranges of files that have them, and the small facts are kept, never per-file results.
        var facts = new RepoFacts(_conventions) { Repo = repo };
        var findings = new List<Finding>();
        var ignores = new Dictionary<string, IReadOnlyList<IgnoreRange>>(StringComparer.Ordinal);
        var manifests = 0;
        var fileCount = 0;
        void Absorb(FileResult result)
        {
            fileCount++;
            facts.Add(result.Facts);
            findings.AddRange(result.Findings);
            manifests += result.Manifests;
            if (result.Ignores.Count > 0)
            {
                ignores[result.File] = result.Ignores;
            }
        }

        var files = EnumerateFiles(repo, paths, options);
        if (options.MaxParallelism <= 1)
        {
            foreach (var entry in files)
            {
                Absorb(CheckFile(repo, entry, fileRules, manifestRules, collector));
            }
        }
        else
        {
            // Bounded ordered batches: files of a batch are checked in parallel, then folded in file order.
            var batchSize = ParallelBatchPerWorker * options.MaxParallelism;
            var batch = new List<(string Relative, SourceKind Kind)>(batchSize);
            var results = new FileResult[batchSize];
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelism };
            void RunBatch()
            {
                Parallel.For(0, batch.Count, parallel, i => results[i] = CheckFile(repo, batch[i], fileRules, manifestRules, collector));
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

        var repoSink = new FindingSink(string.Empty);
        foreach (var rule in rules.OfType<IRepositoryRule>())
        {
            rule.Check(facts, repoSink);
        }

        findings.AddRange(repoSink.Findings);
        var ignoredPaths = _conventions.IgnorePaths.Select(p => new PathGlob(p)).ToArray();
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
            return [.. _rules];
        }

        var wanted = options.RuleIds.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. _rules.Where(r => wanted.Contains(r.Id))];
    }

    private static bool IsSuppressed(Finding finding, Dictionary<string, IReadOnlyList<IgnoreRange>> ignores, PathGlob[] ignoredPaths) =>
        ignoredPaths.Any(g => g.IsMatch(finding.File))
        || (ignores.TryGetValue(finding.File, out var ranges)
            && ranges.Any(r => finding.Line >= r.StartLine && finding.Line <= r.EndLine && r.RuleIds.Contains(finding.RuleId)));

    /// <summary>
    /// The files to check, in repo-relative ordinal order. A single directory (the usual case: the whole repo) is
    /// walked lazily, each directory's entries sorted on their own, so the full path list is never built; the
    /// walk order equals the ordinal order of the paths because a directory sorts as its name plus <c>/</c>.
    /// Several paths, or a file, are collected, de-duplicated and sorted as a whole.
    /// </summary>
    private IEnumerable<(string Relative, SourceKind Kind)> EnumerateFiles(RepoContext repo, IReadOnlyList<string> paths, CheckOptions options)
    {
        var excluded = options.ExcludeGlobs.Select(g => new PathGlob(g)).ToArray();
        var roots = (paths.Count == 0 ? [repo.Root] : paths).Select(p => Path.GetFullPath(Path.Combine(repo.Root, p))).ToList();
        if (roots.Count == 1 && !_fileSystem.FileExists(roots[0]))
        {
            return SelectAll(_fileSystem.DirectoryExists(roots[0]) ? WalkSorted(repo.Listings, roots[0]) : []);
        }

        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var full in roots)
        {
            if (_fileSystem.FileExists(full))
            {
                set.Add(full);
            }
            else if (_fileSystem.DirectoryExists(full))
            {
                set.UnionWith(WalkSorted(repo.Listings, full));
            }
        }

        var collected = SelectAll(set).ToList();
        collected.Sort((a, b) => string.CompareOrdinal(a.Relative, b.Relative));
        return collected;

        // The checked files among absolute paths: a known kind and no exclude glob (a loop, not LINQ: once per file).
        IEnumerable<(string Relative, SourceKind Kind)> SelectAll(IEnumerable<string> files)
        {
            foreach (var path in files)
            {
                var relative = Path.GetRelativePath(repo.Root, path).Replace('\\', '/');
                if (KindOf(relative) is { } kind && !IsExcluded(relative))
                {
                    yield return (relative, kind);
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

    private static IEnumerable<string> WalkSorted(DirectoryListings listings, string directory)
    {
        // Sorted by name, a directory's name with a '/' after it: the order of the paths it yields.
        var children = new List<WalkChild>();
        foreach (var entry in listings.List(directory))
        {
            var name = Path.GetFileName(entry.Path);
            if (!entry.IsDirectory)
            {
                children.Add(new WalkChild(name, entry));
            }
            else if (!SkippedDirectories.Contains(name))
            {
                children.Add(new WalkChild(name + "/", entry));
            }
        }

        children.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        foreach (var child in children)
        {
            if (!child.Entry.IsDirectory)
            {
                yield return child.Entry.Path;
                continue;
            }

            foreach (var file in WalkSorted(listings, child.Entry.Path))
            {
                yield return file;
            }
        }
    }

    private sealed record WalkChild(string Key, DirectoryEntry Entry);

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
        (string Relative, SourceKind Kind) entry,
        IFileRule[] fileRules,
        IManifestRule[] manifestRules,
        FactCollector collector)
    {
        byte[] bytes;
        YamlSyntaxError? unreadable = null;
        try
        {
            bytes = _fileSystem.ReadAllBytes(repo.AbsolutePath(entry.Relative));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A dangling link or an unreadable file must not stop the run: it is reported (SCF031) and checked as empty.
            bytes = [];
            unreadable = new YamlSyntaxError($"cannot read the file ({ex.Message})", 1, 1);
        }

        var skip = bytes.AsSpan().StartsWith(Utf8.Preamble) ? Utf8.Preamble.Length : 0;
        var text = Utf8.GetString(bytes, skip, bytes.Length - skip);
        var yaml = unreadable is not null ? new YamlFileContent([], unreadable)
            : entry.Kind == SourceKind.Yaml ? YamlStreamReader.Read(text)
            : null;
        var file = new SourceFile(repo, entry.Relative, entry.Kind, text, yaml);
        var sink = new FindingSink(entry.Relative);
        foreach (var rule in fileRules)
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
            foreach (var rule in manifestRules)
            {
                rule.Check(file, document, sink);
            }

            if (document.Annotations?.Get(_conventions.IgnoreAnnotation)?.Text is { } ignore
                && IgnoreAnnotation.Parse(ignore) is { HasReason: true } parsed)
            {
                (ignores ??= []).Add(new IgnoreRange(document.StartLine, document.EndLine, parsed.RuleIds));
            }
        }

        var facts = new List<object>();
        collector.Collect(file, facts);
        return new FileResult(entry.Relative, sink.Findings, facts, (IReadOnlyList<IgnoreRange>?)ignores ?? [], manifests);
    }

    private sealed record IgnoreRange(int StartLine, int EndLine, IReadOnlySet<string> RuleIds);

    private sealed record FileResult(
        string File,
        IReadOnlyList<Finding> Findings,
        IReadOnlyList<object> Facts,
        IReadOnlyList<IgnoreRange> Ignores,
        int Manifests);
}
