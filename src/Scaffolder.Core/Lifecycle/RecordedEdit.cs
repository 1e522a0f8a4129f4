namespace Scaffolder.Core.Lifecycle;

/// <summary>Lines a unit inserted into a file through an inserter, exactly as they were inserted (without line endings).</summary>
/// <param name="File">Repository-relative path of the edited file.</param>
/// <param name="Inserter">The inserter.</param>
/// <param name="Template">The template whose edit it is.</param>
/// <param name="Lines">The inserted lines; empty when the edit found its entry already there.</param>
/// <param name="Opened">The line the edit opened for its entry (<c>  inputs:</c>), when it replaced an empty one.</param>
/// <param name="Emptied">That line as it was (<c>  inputs: []</c>): put back when removing the entry leaves the list empty.</param>
public sealed record RecordedEdit(string File, string Inserter, string Template, IReadOnlyList<string> Lines, string? Opened = null, string? Emptied = null);
