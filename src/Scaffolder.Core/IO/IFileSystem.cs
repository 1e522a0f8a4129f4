namespace Scaffolder.Core.IO;

/// <summary>
/// The file-system seam of the core: every read and write of the tool goes through it, so tests can
/// use an in-memory tree or inject failures. Paths are absolute, native paths.
/// </summary>
public interface IFileSystem
{
    /// <summary>Returns whether a regular file exists at <paramref name="path"/>.</summary>
    bool FileExists(string path);

    /// <summary>Returns whether a directory exists at <paramref name="path"/>.</summary>
    bool DirectoryExists(string path);

    /// <summary>Reads the whole file as bytes.</summary>
    byte[] ReadAllBytes(string path);

    /// <summary>Writes the whole file, creating or truncating it.</summary>
    void WriteAllBytes(string path, byte[] content);

    /// <summary>Creates a directory and its parents.</summary>
    void CreateDirectory(string path);

    /// <summary>Atomically renames <paramref name="source"/> to <paramref name="destination"/>, replacing it.</summary>
    void Move(string source, string destination);

    /// <summary>Deletes a file if it exists.</summary>
    void DeleteFile(string path);

    /// <summary>Deletes an empty directory.</summary>
    void DeleteDirectory(string path);

    /// <summary>Lists files under <paramref name="directory"/>, recursively when <paramref name="recursive"/> is set.</summary>
    IEnumerable<string> EnumerateFiles(string directory, bool recursive);

    /// <summary>Lists the direct sub-directories of <paramref name="directory"/>.</summary>
    IEnumerable<string> EnumerateDirectories(string directory);

    /// <summary>
    /// Lists the direct entries of <paramref name="directory"/> in one pass, each with whether it is a directory:
    /// the entries <see cref="EnumerateDirectories"/> lists are directories (a link to a directory among them), the
    /// ones <see cref="EnumerateFiles"/> lists are not.
    /// </summary>
    IEnumerable<DirectoryEntry> EnumerateEntries(string directory);

    /// <summary>Returns the target of a symbolic link at <paramref name="path"/>, or null when it is not a link.</summary>
    string? GetLinkTarget(string path);

    /// <summary>
    /// Creates a new file holding <paramref name="content"/>; fails when anything (a symbolic link included) already
    /// exists at <paramref name="path"/>. With <paramref name="mode"/>, the file has exactly those permission bits
    /// (from its creation on, whatever the umask); without, the platform's default for new files. The default
    /// implementation checks, then writes, and has no modes.
    /// </summary>
    void WriteNewFile(string path, byte[] content, UnixFileMode? mode)
    {
        if (GetEntryKind(path) != FileEntryKind.Missing)
        {
            throw new IOException($"{path} already exists");
        }

        WriteAllBytes(path, content);
    }

    /// <summary>Appends <paramref name="content"/> to an existing file.</summary>
    void AppendAllBytes(string path, byte[] content) => WriteAllBytes(path, [.. ReadAllBytes(path), .. content]);

    /// <summary>The permission bits of the file at <paramref name="path"/>, or null where there are none (Windows, in-memory trees).</summary>
    UnixFileMode? GetUnixFileMode(string path) => null;

    /// <summary>
    /// Makes everything written so far to the file system holding the file <paramref name="path"/> durable (one
    /// <c>syncfs</c> on Linux, not one flush per file). The default has nothing to flush.
    /// </summary>
    void FlushToDisk(string path)
    {
    }

    /// <summary>
    /// Returns what <paramref name="path"/> names without following a link at the path itself. The default tells
    /// links, directories and files apart only (it cannot see FIFOs, devices or sockets).
    /// </summary>
    FileEntryKind GetEntryKind(string path) =>
        GetLinkTarget(path) is not null ? FileEntryKind.SymbolicLink
        : DirectoryExists(path) ? FileEntryKind.Directory
        : FileExists(path) ? FileEntryKind.RegularFile
        : FileEntryKind.Missing;

    /// <summary>Opens a file for reading from its start; the caller disposes the stream.</summary>
    Stream OpenRead(string path) => new MemoryStream(ReadAllBytes(path), writable: false);
}
