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
    /// Returns what <paramref name="path"/> names, following symbolic links (never <see cref="FileEntryKind.SymbolicLink"/>;
    /// a dangling link is <see cref="FileEntryKind.Missing"/>), without opening it. The default cannot see FIFOs,
    /// devices or sockets.
    /// </summary>
    FileEntryKind GetFileKind(string path) =>
        DirectoryExists(path) ? FileEntryKind.Directory : FileExists(path) ? FileEntryKind.RegularFile : FileEntryKind.Missing;

    /// <summary>
    /// Reads a regular file of at most <paramref name="maxBytes"/> bytes. A directory, FIFO, device or socket is refused
    /// without being opened (opening a FIFO blocks until a writer comes; a device may never end), and a longer file is
    /// refused without being loaded; the message names <paramref name="displayPath"/>. A missing or unreadable file
    /// fails as <see cref="ReadAllBytes"/> does. The default checks the kind, then reads the whole file and its length.
    /// </summary>
    /// <exception cref="UserInputException">The path is not a regular file, or the file is larger than <paramref name="maxBytes"/>.</exception>
    byte[] ReadRegularFile(string path, string displayPath, long maxBytes)
    {
        var kind = GetFileKind(path);
        if (kind is FileEntryKind.Directory or FileEntryKind.Special)
        {
            throw new UserInputException($"{displayPath} is {(kind == FileEntryKind.Directory ? "a folder, not a file" : "not a regular file (a FIFO, device or socket): scaffold reads regular files only")}");
        }

        var content = ReadAllBytes(path);
        return content.Length <= maxBytes ? content : throw new UserInputException($"{displayPath} is larger than {InputLimits.Describe(maxBytes)}, the limit for files scaffold reads (set {InputLimits.SizeVariable} to change it)");
    }

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
