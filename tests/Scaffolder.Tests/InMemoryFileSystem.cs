using Scaffolder.Core.IO;

namespace Scaffolder.Tests;

/// <summary>
/// A file tree held in memory, behaving like <see cref="PhysicalFileSystem"/> for everything the tool does (missing
/// parents fail, non-empty folders are not deleted, renames replace), without symbolic links. Thread-safe: large plans
/// write and rename on every core. Listings are in ordinal order.
/// </summary>
public sealed class InMemoryFileSystem : IFileSystem
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, byte[]> files;
    private readonly HashSet<string> directories;

    private InMemoryFileSystem(Dictionary<string, byte[]> files, HashSet<string> directories)
    {
        this.files = files;
        this.directories = directories;
    }

    /// <summary>An empty tree (only the file-system root exists).</summary>
    public InMemoryFileSystem()
        : this(new(StringComparer.Ordinal), new(StringComparer.Ordinal) { Path.GetPathRoot(Path.GetTempPath())! })
    {
    }

    /// <summary>Reads every file under the physical folder <paramref name="source"/> into a new tree at <paramref name="root"/>.</summary>
    public static InMemoryFileSystem Load(string source, string root)
    {
        var tree = new InMemoryFileSystem();
        tree.CreateDirectory(root);
        foreach (var directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            tree.CreateDirectory(Path.Combine(root, Path.GetRelativePath(source, directory)));
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            tree.WriteAllBytes(Path.Combine(root, Path.GetRelativePath(source, file)), File.ReadAllBytes(file));
        }

        return tree;
    }

    /// <summary>An independent copy of this tree.</summary>
    public InMemoryFileSystem Clone()
    {
        lock (gate)
        {
            return new(new(files, StringComparer.Ordinal), new(directories, StringComparer.Ordinal));
        }
    }

    /// <summary>Every file under <paramref name="root"/>: its '/'-separated path relative to it, and a copy of its content.</summary>
    public SortedDictionary<string, byte[]> FilesUnder(string root)
    {
        var prefix = Full(root) + Path.DirectorySeparatorChar;
        lock (gate)
        {
            var result = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var (path, content) in files.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal)))
            {
                result[path[prefix.Length..].Replace(Path.DirectorySeparatorChar, '/')] = [.. content];
            }

            return result;
        }
    }

    /// <inheritdoc />
    public bool FileExists(string path)
    {
        lock (gate)
        {
            return files.ContainsKey(Full(path));
        }
    }

    /// <inheritdoc />
    public bool DirectoryExists(string path)
    {
        lock (gate)
        {
            return directories.Contains(Full(path));
        }
    }

    /// <inheritdoc />
    public byte[] ReadAllBytes(string path)
    {
        var full = Full(path);
        lock (gate)
        {
            if (files.TryGetValue(full, out var content))
            {
                return [.. content];
            }

            throw directories.Contains(Parent(full)) ? new FileNotFoundException($"Could not find file '{full}'.", full) : new DirectoryNotFoundException($"Could not find a part of the path '{full}'.");
        }
    }

    /// <inheritdoc />
    public void WriteAllBytes(string path, byte[] content)
    {
        var full = Full(path);
        lock (gate)
        {
            if (directories.Contains(full))
            {
                throw new UnauthorizedAccessException($"Access to the path '{full}' is denied.");
            }

            if (!directories.Contains(Parent(full)))
            {
                throw new DirectoryNotFoundException($"Could not find a part of the path '{full}'.");
            }

            files[full] = [.. content];
        }
    }

    /// <inheritdoc />
    public void CreateDirectory(string path)
    {
        var full = Full(path);
        lock (gate)
        {
            var missing = new Stack<string>();
            for (var current = full; !directories.Contains(current); current = Parent(current))
            {
                if (files.ContainsKey(current))
                {
                    throw new IOException($"The file '{current}' already exists.");
                }

                missing.Push(current);
            }

            while (missing.Count > 0)
            {
                directories.Add(missing.Pop());
            }
        }
    }

    /// <inheritdoc />
    public void Move(string source, string destination)
    {
        var from = Full(source);
        var to = Full(destination);
        lock (gate)
        {
            if (!files.Remove(from, out var content))
            {
                throw new FileNotFoundException($"Could not find file '{from}'.", from);
            }

            if (!directories.Contains(Parent(to)) || directories.Contains(to))
            {
                files[from] = content;
                throw new IOException($"Cannot move '{from}' to '{to}'.");
            }

            files[to] = content;
        }
    }

    /// <inheritdoc />
    public void DeleteFile(string path)
    {
        lock (gate)
        {
            files.Remove(Full(path));
        }
    }

    /// <inheritdoc />
    public void DeleteDirectory(string path)
    {
        var full = Full(path);
        lock (gate)
        {
            if (!directories.Contains(full))
            {
                throw new DirectoryNotFoundException($"Could not find a part of the path '{full}'.");
            }

            if (Children(full).Any())
            {
                throw new IOException($"Directory not empty: '{full}'");
            }

            directories.Remove(full);
        }
    }

    /// <inheritdoc />
    public IEnumerable<string> EnumerateFiles(string directory, bool recursive)
    {
        var full = Existing(directory);
        lock (gate)
        {
            var prefix = full + Path.DirectorySeparatorChar;
            return files.Keys.Where(p => p.StartsWith(prefix, StringComparison.Ordinal) && (recursive || Parent(p) == full)).Order(StringComparer.Ordinal).ToList();
        }
    }

    /// <inheritdoc />
    public IEnumerable<string> EnumerateDirectories(string directory)
    {
        var full = Existing(directory);
        lock (gate)
        {
            return directories.Where(d => d != full && Parent(d) == full).Order(StringComparer.Ordinal).ToList();
        }
    }

    /// <inheritdoc />
    public IEnumerable<DirectoryEntry> EnumerateEntries(string directory)
    {
        var full = Existing(directory);
        lock (gate)
        {
            return Children(full).Order(StringComparer.Ordinal).Select(p => new DirectoryEntry(p, directories.Contains(p))).ToList();
        }
    }

    /// <inheritdoc />
    public string? GetLinkTarget(string path) => null;

    private static string Full(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    private static string Parent(string full) => Path.GetDirectoryName(full) ?? full;

    private IEnumerable<string> Children(string full) =>
        files.Keys.Concat(directories).Where(p => p != full && Parent(p) == full);

    private string Existing(string directory)
    {
        var full = Full(directory);
        lock (gate)
        {
            return directories.Contains(full) ? full : throw new DirectoryNotFoundException($"Could not find a part of the path '{full}'.");
        }
    }
}
