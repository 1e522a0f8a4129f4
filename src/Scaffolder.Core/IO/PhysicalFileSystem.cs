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
