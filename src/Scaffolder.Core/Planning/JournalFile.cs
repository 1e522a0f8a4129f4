namespace Scaffolder.Core.Planning;

/// <summary>One file of an apply's journal.</summary>
/// <param name="Index">Its number: the names of its new content and original in the journal folder.</param>
/// <param name="Path">The repository-relative target.</param>
/// <param name="Before">The SHA-256 of its content before the apply, or null when the apply creates it.</param>
/// <param name="After">The SHA-256 of its new content, or null when the apply deletes it.</param>
public sealed record JournalFile(int Index, string Path, string? Before, string? After);
