using Scaffolder.Core.IO;

namespace Scaffolder.Core.Check;

/// <summary>
/// Reads the files <c>check</c> looks at, on hostile trees too: only regular files are opened (never a FIFO, device
/// or socket), a symbolic link is followed only when its real target stays inside the repository, and no file is
/// read past <see cref="MaxBytes"/>. Thread-safe.
/// </summary>
public sealed class RepoFileReader
{
    /// <summary>The default read bound per file: 64 MiB.</summary>
    public const long DefaultMaxBytes = 64L * 1024 * 1024;

    private const int MaxLinks = 40;
    private readonly IFileSystem fileSystem;
    private readonly string root;
    private readonly Lazy<string?> realRoot;

    /// <summary>Creates a reader for the repository at <paramref name="root"/> (absolute).</summary>
    public RepoFileReader(IFileSystem fileSystem, string root, long maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentNullException.ThrowIfNull(root);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        this.fileSystem = fileSystem;
        this.root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        MaxBytes = maxBytes;
        realRoot = new(() => RealPath(this.root));
    }

    /// <summary>The largest file read, in bytes.</summary>
    public long MaxBytes { get; }

    /// <summary>The repository root with every symbolic link on its way followed.</summary>
    public string RealRoot => realRoot.Value ?? root;

    /// <summary>Reads the file at <paramref name="path"/> (absolute), within the bounds.</summary>
    public FileReadResult Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            var target = path;
            var kind = fileSystem.GetEntryKind(path);
            if (kind == FileEntryKind.SymbolicLink)
            {
                if (RealPath(path) is not { } real)
                {
                    return Unreadable("too many levels of symbolic links");
                }

                kind = fileSystem.GetEntryKind(real);
                if (kind == FileEntryKind.Missing)
                {
                    return Unreadable($"dangling link to {fileSystem.GetLinkTarget(path)}");
                }

                if (!IsInside(real))
                {
                    return Skip($"is a symbolic link to {fileSystem.GetLinkTarget(path)}, which leads out of the repository: not read");
                }

                target = real;
            }

            switch (kind)
            {
                case FileEntryKind.Missing:
                    return Unreadable("it does not exist");
                case FileEntryKind.Directory:
                    return Unreadable("it is a directory");
                case FileEntryKind.Special:
                    return Skip("is not a regular file (a FIFO, device or socket): not read");
            }

            using var stream = fileSystem.OpenRead(target);
            if (stream.CanSeek && stream.Length > MaxBytes)
            {
                return TooLarge();
            }

            return ReadBounded(stream) is { } bytes ? new FileReadResult(bytes, null, null) : TooLarge();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Unreadable(ex.Message);
        }
    }

    /// <summary>
    /// Classifies a symbolic link to a directory met by the walk, which never descends through one: a note when it
    /// leads out of the repository or back to a folder above it (a cycle), null when its target is inside the
    /// repository and checked at its own path.
    /// </summary>
    /// <param name="link">The absolute path of the link.</param>
    public string? DirectoryLinkNote(string link)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (RealPath(link) is not { } real)
        {
            return "is a symbolic link loop (too many levels of links): not followed";
        }

        if (!IsInside(real))
        {
            return $"is a symbolic link to {fileSystem.GetLinkTarget(link)}, which leads out of the repository: not followed";
        }

        var parent = RealPath(Path.GetDirectoryName(link) ?? root) ?? root;
        return parent == real || parent.StartsWith(real + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? $"is a symbolic link to {fileSystem.GetLinkTarget(link)}, a folder above it (a directory cycle): not followed"
            : null;
    }

    /// <summary>Whether <paramref name="realPath"/> (links followed) is the repository or inside it.</summary>
    public bool IsInside(string realPath) =>
        realPath == RealRoot || realPath.StartsWith(RealRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>
    /// The location <paramref name="path"/> really names, every symbolic link on the way followed (like
    /// <c>realpath</c>, but the last parts may be missing); null after too many links (a loop).
    /// </summary>
    public string? RealPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var links = 0;
        var pending = new Stack<string>();
        PushParts(pending, Path.GetFullPath(path));
        var current = Path.GetPathRoot(Path.GetFullPath(path)) ?? "/";
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Combine(current, part);
            if (fileSystem.GetLinkTarget(next) is not { } target)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target) ?? "/";
            }

            PushParts(pending, target);
        }

        return current;
    }

    private static void PushParts(Stack<string> pending, string path)
    {
        var parts = path.Split(['/', Path.DirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            if (parts[i] != "." && !(i == 0 && Path.IsPathRooted(path) && parts[i].EndsWith(':')))
            {
                pending.Push(parts[i]);
            }
        }
    }

    private byte[]? ReadBounded(Stream stream)
    {
        var buffer = new byte[(int)Math.Min(stream.CanSeek ? stream.Length + 1 : 81920, MaxBytes + 1)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > MaxBytes)
                {
                    return null;
                }

                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, MaxBytes + 1));
            }

            var read = stream.Read(buffer, length, buffer.Length - length);
            if (read == 0)
            {
                return length == buffer.Length ? buffer : buffer[..length];
            }

            length += read;
            if (length > MaxBytes)
            {
                return null;
            }
        }
    }

    private FileReadResult TooLarge() =>
        Skip($"is larger than the read limit of {FormatSize(MaxBytes)} (--max-file-size): not read");

    private static FileReadResult Skip(string why) => new([], why, null);

    private static FileReadResult Unreadable(string why) => new([], null, why);

    /// <summary>A byte count as people write it: <c>64 MiB</c>, <c>512 KiB</c> or <c>100 bytes</c>.</summary>
    public static string FormatSize(long bytes) =>
        bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MiB"
        : bytes % 1024 == 0 ? $"{bytes / 1024} KiB"
        : $"{bytes} bytes";
}
