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

    /// <summary>Returns what <paramref name="path"/> names, following symbolic links, without opening it.</summary>
    FileKind GetFileKind(string path);

    /// <summary>
    /// Reads a regular file of at most <paramref name="maxBytes"/> bytes. A directory, FIFO, device or socket is refused
    /// without being opened (opening a FIFO blocks until a writer comes; a device may never end), and a longer file is
    /// refused without being loaded; the message names <paramref name="displayPath"/>. A missing or unreadable file
    /// fails as <see cref="ReadAllBytes"/> does.
    /// </summary>
    /// <exception cref="UserInputException">The path is not a regular file, or the file is larger than <paramref name="maxBytes"/>.</exception>
    byte[] ReadRegularFile(string path, string displayPath, long maxBytes);
}
