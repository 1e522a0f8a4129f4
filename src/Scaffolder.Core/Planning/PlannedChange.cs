namespace Scaffolder.Core.Planning;

/// <summary>One file of a plan.</summary>
/// <param name="Path">Repository-relative path with forward slashes.</param>
/// <param name="Action">What happens to the file.</param>
/// <param name="Before">The file's bytes when planned (null when it does not exist).</param>
/// <param name="After">The planned bytes.</param>
/// <param name="Details">What changed, e.g. the inserted entries.</param>
public sealed record PlannedChange(string Path, ChangeAction Action, byte[]? Before, byte[] After, IReadOnlyList<string> Details);
