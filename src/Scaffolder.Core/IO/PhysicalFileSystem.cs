using System.IO.Enumeration;

namespace Scaffolder.Core.IO;

/// <summary>The real file system.</summary>
public sealed class PhysicalFileSystem : IFileSystem
{
    // The options of Directory.EnumerateFiles and EnumerateDirectories: hidden entries included, errors thrown.
    private static readonly EnumerationOptions AllEntries = new() { AttributesToSkip = 0, IgnoreInaccessible = false };

    /// <summary>The shared instance.</summary>
    public static PhysicalFileSystem Instance { get; } = new();

    /// <inheritdoc />
    public bool FileExists(string path) => File.Exists(path);

    /// <inheritdoc />
    public bool DirectoryExists(string path) => Directory.Exists(path);

    /// <inheritdoc />
    public byte[] ReadAllBytes(string path) => File.ReadAllBytes(path);

    /// <inheritdoc />
    public void WriteAllBytes(string path, byte[] content) => File.WriteAllBytes(path, content);

    /// <inheritdoc />
    public void CreateDirectory(string path) => Directory.CreateDirectory(path);

    /// <inheritdoc />
    public void Move(string source, string destination) => File.Move(source, destination, overwrite: true);

    /// <inheritdoc />
    public void DeleteFile(string path) => File.Delete(path);

    /// <inheritdoc />
    public void DeleteDirectory(string path) => Directory.Delete(path, recursive: false);

    /// <inheritdoc />
    public IEnumerable<string> EnumerateFiles(string directory, bool recursive) =>
        Directory.EnumerateFiles(directory, "*", recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly);

    /// <inheritdoc />
    public IEnumerable<string> EnumerateDirectories(string directory) => Directory.EnumerateDirectories(directory);

    /// <inheritdoc />
    public IEnumerable<DirectoryEntry> EnumerateEntries(string directory) =>
        new FileSystemEnumerable<DirectoryEntry>(directory, (ref FileSystemEntry entry) => new DirectoryEntry(entry.ToSpecifiedFullPath(), entry.IsDirectory), AllEntries);

    /// <inheritdoc />
    public FileKind GetFileKind(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            return UnixFileStatus.Kind(path);
        }

        var info = new FileInfo(path);
        return !info.Exists && !Directory.Exists(path) ? FileKind.Missing
            : info.Attributes.HasFlag(FileAttributes.Directory) ? FileKind.Directory
            : info.Attributes.HasFlag(FileAttributes.Device) ? FileKind.Special
            : FileKind.Regular;
    }

    /// <inheritdoc />
    public byte[] ReadRegularFile(string path, string displayPath, long maxBytes)
    {
        switch (GetFileKind(path))
        {
            case FileKind.Directory:
                throw new UserInputException($"{displayPath} is a folder, not a file");
            case FileKind.Special:
                throw new UserInputException($"{displayPath} is not a regular file (a FIFO, device or socket): scaffold reads regular files only");
        }

        // A missing or unreadable file fails here as File.ReadAllBytes would. The size is checked before reading, and
        // again while reading: a file can grow, and some (in /proc) report no size at all.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        if (stream.Length > maxBytes)
        {
            throw TooLarge(displayPath, maxBytes);
        }

        var content = new byte[stream.Length];
        var total = stream.ReadAtLeast(content, content.Length, throwOnEndOfStream: false);
        if (total < content.Length)
        {
            return content[..total];
        }

        using var rest = new MemoryStream();
        var chunk = new byte[16 << 10];
        for (var read = stream.Read(chunk); read > 0; read = stream.Read(chunk))
        {
            if (total + rest.Length + read > maxBytes)
            {
                throw TooLarge(displayPath, maxBytes);
            }

            rest.Write(chunk, 0, read);
        }

        return rest.Length == 0 ? content : [.. content, .. rest.ToArray()];
    }

    private static UserInputException TooLarge(string displayPath, long maxBytes) =>
        new($"{displayPath} is larger than {InputLimits.Describe(maxBytes)}, the limit for files scaffold reads (set {InputLimits.SizeVariable} to change it)");

    /// <inheritdoc />
    public string? GetLinkTarget(string path)
    {
        // A dangling link (its target missing) is still a link: File.Exists and Directory.Exists follow it and say no.
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
