namespace Scaffolder.Core.IO;

/// <summary>What a path names, without following a symbolic link at the path itself (like <c>lstat</c>).</summary>
public enum FileEntryKind
{
    /// <summary>Nothing exists at the path.</summary>
    Missing,

    /// <summary>A regular file.</summary>
    RegularFile,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A symbolic link (to anything, or dangling).</summary>
    SymbolicLink,

    /// <summary>Anything else: a FIFO, a character or block device, or a socket. Opening one may block or never end.</summary>
    Special,
}
