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
    /// (from its creation on, whatever the umask); without, the platform's default for new files.
    /// </summary>
    void WriteNewFile(string path, byte[] content, UnixFileMode? mode);

    /// <summary>Appends <paramref name="content"/> to an existing file.</summary>
    void AppendAllBytes(string path, byte[] content);

    /// <summary>The permission bits of the file at <paramref name="path"/>, or null where the platform has none (Windows).</summary>
    UnixFileMode? GetUnixFileMode(string path);

    /// <summary>
    /// Makes everything written so far to the file system holding the file <paramref name="path"/> durable (one
    /// <c>syncfs</c> on Linux, not one flush per file).
    /// </summary>
    void FlushToDisk(string path);
}
