namespace Scaffolder.Core.Check;

/// <summary>The parsed value of the suppression annotation: <c>"SCF001,SCF002 -- reason"</c>.</summary>
/// <param name="RuleIds">The rule ids to suppress.</param>
/// <param name="Reason">The reason after <c>--</c>, or empty when missing.</param>
public sealed record IgnoreAnnotation(IReadOnlySet<string> RuleIds, string Reason)
{
    /// <summary>Whether the annotation gives a reason (without one it suppresses nothing).</summary>
    public bool HasReason => Reason.Length > 0;

    /// <summary>Parses an annotation value.</summary>
    public static IgnoreAnnotation Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var separator = value.IndexOf("--", StringComparison.Ordinal);
        var ids = separator < 0 ? value : value[..separator];
        var reason = separator < 0 ? string.Empty : value[(separator + 2)..].Trim();
        var set = ids.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new IgnoreAnnotation(set, reason);
    }
}
