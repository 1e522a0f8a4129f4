using System.Text;
using Scaffolder.Core.Evaluation;

namespace Scaffolder.Core.Check.Rules;

/// <summary>
/// SCF033: a chart (HelmRelease <c>spec.chart.spec.chart</c>, OCIRepository URL) or app-template image repository
/// whose technology is an alternative an existing stack layer already covers (redis while Dragonfly is the
/// Cache/KV layer), without an architecture decision record in the decisions folder that mentions it.
/// </summary>
/// <remarks>
/// Charts are matched like <c>scaffold evaluate</c> (whole name, then the parts of a compound name such as
/// <c>redis-ha</c>); images only by their whole name without registry, path and tag, so helper images like
/// <c>postgres-init</c> are not taken for the technology. The existing technology itself (a <c>dragonfly</c>
/// chart) is never flagged. An ADR suppresses the finding when any <c>.md</c> file under the decisions folder
/// mentions, case-insensitively as a whole word, the matched catalog name or the chart or image name. The catalog
/// is the one of the conventions (built-in plus the repository's <c>evaluate:</c> section), and the ADRs are read
/// at most once per run, only when something overlaps.
/// </remarks>
public sealed class TechnologyOverlapRule(CheckConventions conventions) : IRepositoryRule
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly TechnologyEvaluator evaluator = new(conventions.StackCatalog);

    /// <inheritdoc />
    public string Id => "SCF033";

    /// <inheritdoc />
    public string Title => "Overlapping technology without ADR";

    /// <inheritdoc />
    public string Principle => "Evaluation criteria, Stack Fit: does this overlap with existing tools? (anti-pattern: adding a new tool when existing ones suffice)";

    /// <inheritdoc />
    public string Rationale => "A second tool for a layer the stack already covers (Redis next to Dragonfly) doubles monitoring, backups and upgrades; it needs a recorded decision that weighed the existing component first.";

    /// <inheritdoc />
    public Severity Severity => Severity.Warning;

    /// <inheritdoc />
    public string Fix => "Use the existing layer, or record the decision: scaffold new adr \"Adopt <tech>\" --technology <tech>.";

    /// <inheritdoc />
    public void Check(RepoFacts facts, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(sink);
        if (facts.Technologies.Count == 0)
        {
            return;
        }

        var overlaps = new Dictionary<(string, TechnologySource), Overlap?>();
        string[]? decisions = null;
        foreach (var fact in facts.Technologies)
        {
            if (!overlaps.TryGetValue((fact.Name, fact.Source), out var overlap))
            {
                overlap = evaluator.FindOverlaps(fact.Name, compoundParts: fact.Source == TechnologySource.Chart)
                    .Find(o => o.Kind == OverlapKind.Alternative);
                overlaps[(fact.Name, fact.Source)] = overlap;
            }

            if (overlap is null)
            {
                continue;
            }

            var technology = ShortName(fact.Name);
            decisions ??= ReadDecisions(facts.Repo, conventions.DecisionsPath);
            if (Array.Exists(decisions, text => MentionsWord(text, overlap.MatchedAlias) || MentionsWord(text, technology)))
            {
                continue;
            }

            var what = fact.Source == TechnologySource.Chart ? "chart" : "image";
            sink.Report(
                this,
                fact.Location.File,
                fact.Location.Line,
                fact.Location.Column,
                $"{fact.Subject} deploys {what} '{fact.Name}' ({overlap.MatchedAlias}), which {overlap.ExistingTechnology} already covers as the {overlap.Layer} layer, and no ADR under {conventions.DecisionsPath}/ mentions it.",
                $"Use {overlap.ExistingTechnology}, or record why not: scaffold new adr \"Adopt {technology}\" --technology {technology}");
        }
    }

    /// <summary>Whether <paramref name="text"/> contains <paramref name="word"/> (case-insensitive) not inside a longer word.</summary>
    internal static bool MentionsWord(string text, string word)
    {
        if (word.Length == 0)
        {
            return false;
        }

        for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + word.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The last path segment of a chart or image reference without tag or digest (<c>docker.io/library/redis:7</c> gives <c>redis</c>).</summary>
    private static string ShortName(string name)
    {
        var segment = name.Trim().TrimEnd('/');
        segment = segment[(segment.LastIndexOf('/') + 1)..];
        var cut = segment.IndexOfAny([':', '@']);
        return cut > 0 ? segment[..cut] : segment;
    }

    private static string[] ReadDecisions(RepoContext? repo, string decisionsPath)
    {
        if (repo is null)
        {
            return [];
        }

        var folder = repo.AbsolutePath(decisionsPath);
        if (!repo.FileSystem.DirectoryExists(folder))
        {
            return [];
        }

        return repo.FileSystem.EnumerateFiles(folder, recursive: true)
            .Where(f => f.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(f => Utf8.GetString(repo.Files.Read(f).Bytes))
            .ToArray();
    }
}
