namespace Scaffolder.Core.Evaluation;

/// <summary>How a technology overlaps an existing layer.</summary>
public enum OverlapKind
{
    /// <summary>It is an alternative the layer's technology already covers (e.g. redis for Dragonfly).</summary>
    Alternative,

    /// <summary>It is the layer's existing technology itself (e.g. longhorn).</summary>
    Existing,
}
