using System.Text.RegularExpressions;

namespace Scaffolder.Core.Evaluation;

/// <summary>Normalises technology names and free text for matching.</summary>
internal static partial class NameKey
{
    private static readonly char[] Ignored = ['-', '_', ' '];
    private static readonly char[] TokenSeparators = ['-', '_', ' ', '.'];

    /// <summary>Case-insensitive key that ignores '-', '_' and spaces: "Victoria_Metrics" and "victoria-metrics" are equal.</summary>
    public static string Of(string name) =>
        string.Concat(name.Trim().ToUpperInvariant().Where(c => Array.IndexOf(Ignored, c) < 0));

    /// <summary>
    /// Keys to look a technology up by, strongest first: the whole input, then its last path segment without a
    /// tag or version (so <c>bitnami/redis</c> and <c>redis:7</c> find <c>redis</c>).
    /// </summary>
    public static IReadOnlyList<string> WholeCandidates(string technology) =>
        new[] { Of(technology), Of(LastSegment(technology)) }.Where(k => k.Length > 0).Distinct().ToArray();

    /// <summary>Keys of the parts of a compound name (<c>spotahome-redis-operator</c> gives SPOTAHOME, REDIS, OPERATOR), three characters or longer.</summary>
    public static IReadOnlyList<string> TokenCandidates(string technology) =>
        LastSegment(technology)
            .Split(TokenSeparators, StringSplitOptions.RemoveEmptyEntries)
            .Select(Of)
            .Where(k => k.Length >= 3)
            .Distinct()
            .ToArray();

    /// <summary>Upper-cased words of free text with a plural 's' dropped, for capability matching.</summary>
    public static IReadOnlySet<string> Words(string text) =>
        NonWord().Split(text)
            .Where(w => w.Length > 0)
            .Select(Stem)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Kebab-case id for a layer name: "Cache/KV" gives "cache-kv".</summary>
    public static string Slug(string text) => NonWord().Replace(text.Trim(), "-").Trim('-').ToLowerInvariant();

    private static string Stem(string word)
    {
        var upper = word.ToUpperInvariant();
        return upper.Length > 3 && upper.EndsWith('S') && !upper.EndsWith("SS", StringComparison.Ordinal) ? upper[..^1] : upper;
    }

    private static string LastSegment(string technology)
    {
        var segment = technology.Trim().TrimEnd('/');
        segment = segment[(segment.LastIndexOf('/') + 1)..];
        var cut = segment.IndexOfAny([':', '@']);
        return cut >= 0 ? segment[..cut] : segment;
    }

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonWord();
}
