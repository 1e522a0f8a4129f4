using System.IO.Enumeration;
using System.Runtime.InteropServices;

namespace Scaffolder.Core.IO;

/// <summary>The real file system.</summary>
public sealed partial class PhysicalFileSystem : IFileSystem
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
    public FileEntryKind GetFileKind(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            return UnixKind(path, followLinks: true);
        }

        var info = new FileInfo(path);
        return !info.Exists && !Directory.Exists(path) ? FileEntryKind.Missing
            : info.Attributes.HasFlag(FileAttributes.Directory) ? FileEntryKind.Directory
            : info.Attributes.HasFlag(FileAttributes.Device) ? FileEntryKind.Special
            : FileEntryKind.RegularFile;
    }

    /// <inheritdoc />
    public byte[] ReadRegularFile(string path, string displayPath, long maxBytes)
    {
        switch (GetFileKind(path))
        {
            case FileEntryKind.Directory:
                throw new UserInputException($"{displayPath} is a folder, not a file");
            case FileEntryKind.Special:
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

    /// <inheritdoc />
    public void WriteNewFile(string path, byte[] content, UnixFileMode? mode)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (mode is not null && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = mode.Value;
        }

        using var stream = new FileStream(path, options);
        if (mode is not null && !OperatingSystem.IsWindows())
        {
            // The creation mode is masked by the umask; the file must have exactly the bits of the one it replaces.
            File.SetUnixFileMode(stream.SafeFileHandle, mode.Value);
        }

        stream.Write(content);
    }

    /// <inheritdoc />
    public void AppendAllBytes(string path, byte[] content)
    {
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        stream.Write(content);
    }

    /// <inheritdoc />
    public UnixFileMode? GetUnixFileMode(string path) => OperatingSystem.IsWindows() ? null : File.GetUnixFileMode(path);

    /// <inheritdoc />
    public void FlushToDisk(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (OperatingSystem.IsLinux())
        {
            if (NativeMethods.SyncFileSystem((int)stream.SafeFileHandle.DangerousGetHandle()) != 0)
            {
                throw new IOException($"syncfs failed for {path} (errno {Marshal.GetLastPInvokeError()})");
            }
        }
        else if (OperatingSystem.IsWindows())
        {
            stream.Flush(flushToDisk: true);
        }
        else
        {
            NativeMethods.Sync();
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "syncfs", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int SyncFileSystem(int fd);

        [DllImport("libc", EntryPoint = "sync")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern void Sync();
    }

    /// <inheritdoc />
    public FileEntryKind GetEntryKind(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            return UnixEntryKind(path);
        }

        var info = new FileInfo(path);
        return !info.Exists && !Directory.Exists(path) && info.LinkTarget is null ? FileEntryKind.Missing
            : info.LinkTarget is not null ? FileEntryKind.SymbolicLink
            : info.Attributes.HasFlag(FileAttributes.Directory) ? FileEntryKind.Directory
            : FileEntryKind.RegularFile;
    }

    /// <inheritdoc />
    public Stream OpenRead(string path) =>
        new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0, FileOptions.SequentialScan);

    // The file type bits of st_mode, as the runtime's own native shim (libSystem.Native, shipped with every .NET
    // runtime on Unix) reports them in its FileStatus: Flags (int32) then Mode (int32), with Linux's S_IF* values.
    private const int TypeMask = 0xF000;
    private const int RegularType = 0x8000;
    private const int DirectoryType = 0x4000;
    private const int LinkType = 0xA000;

    private static FileEntryKind UnixEntryKind(string path) => UnixKind(path, followLinks: false);

    /// <summary>What <paramref name="path"/> names by lstat, or by stat (links followed) when <paramref name="followLinks"/>.</summary>
    private static FileEntryKind UnixKind(string path, bool followLinks)
    {
        // FileStatus is about 120 bytes; a larger buffer stays safe if a later runtime appends fields.
        Span<byte> status = stackalloc byte[512];
        var failed = followLinks ? Stat(path, ref MemoryMarshal.GetReference(status)) : LStat(path, ref MemoryMarshal.GetReference(status));
        if (failed != 0)
        {
            return FileEntryKind.Missing;
        }

        return (BitConverter.ToInt32(status[4..8]) & TypeMask) switch
        {
            RegularType => FileEntryKind.RegularFile,
            DirectoryType => FileEntryKind.Directory,
            LinkType => FileEntryKind.SymbolicLink,
            _ => FileEntryKind.Special,
        };
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_LStat", StringMarshalling = StringMarshalling.Utf8)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int LStat(string path, ref byte status);

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Stat(string path, ref byte status);
}
