namespace Scaffolder.Core.Lifecycle;

/// <summary>A merged file and how many conflicts (marker blocks) it holds.</summary>
public sealed record MergeResult(byte[] Content, int Conflicts);
