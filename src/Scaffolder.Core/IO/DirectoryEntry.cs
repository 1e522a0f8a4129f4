namespace Scaffolder.Core.IO;

/// <summary>An entry of a directory listing: its full path and whether it is a directory (a link to one included).</summary>
/// <remarks>
/// A class rather than a tuple: generic framework code over a reference type is shared and comes precompiled in the
/// framework's ReadyToRun images, while code over a tuple of a string and a bool is compiled by the JIT at start-up.
/// </remarks>
/// <param name="Path">The full path.</param>
/// <param name="IsDirectory">Whether the entry is a directory.</param>
public sealed record DirectoryEntry(string Path, bool IsDirectory);
