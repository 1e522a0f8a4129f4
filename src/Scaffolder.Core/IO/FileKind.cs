namespace Scaffolder.Core.IO;

/// <summary>What a path names, as told by the file system without opening it (symbolic links followed).</summary>
public enum FileKind
{
    /// <summary>Nothing (or a dangling symbolic link).</summary>
    Missing,

    /// <summary>A regular file: the only kind the tool reads or edits.</summary>
    Regular,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A FIFO, a character or block device or a socket: opening one can block or never end.</summary>
    Special,
}
