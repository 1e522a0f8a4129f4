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

    // Every directory, with the full paths of its entries (files and directories).
    private readonly Dictionary<string, SortedSet<string>> directories;

    private InMemoryFileSystem(Dictionary<string, byte[]> files, Dictionary<string, SortedSet<string>> directories)
    {
        this.files = files;
        this.directories = directories;
    }

    /// <summary>An empty tree (only the file-system root exists).</summary>
    public InMemoryFileSystem()
        : this(new(StringComparer.Ordinal), new(StringComparer.Ordinal) { [Path.GetPathRoot(Path.GetTempPath())!] = new(StringComparer.Ordinal) })
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

    /// <summary>A new tree holding a copy of everything under <paramref name="root"/>, at <paramref name="newRoot"/>.</summary>
    public InMemoryFileSystem CopyUnder(string root, string newRoot)
    {
        var from = Full(root);
        var to = Full(newRoot);
        var copy = new InMemoryFileSystem();
        copy.CreateDirectory(to);
        lock (gate)
        {
            foreach (var directory in directories.Keys.Where(d => d.StartsWith(from + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            {
                copy.CreateDirectory(to + directory[from.Length..]);
            }

            foreach (var (path, content) in files.Where(p => p.Key.StartsWith(from + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            {
                copy.WriteAllBytes(to + path[from.Length..], content);
            }
        }

        return copy;
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
            return directories.ContainsKey(Full(path));
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

            throw directories.ContainsKey(Parent(full)) ? new FileNotFoundException($"Could not find file '{full}'.", full) : new DirectoryNotFoundException($"Could not find a part of the path '{full}'.");
        }
    }

    /// <inheritdoc />
    public void WriteAllBytes(string path, byte[] content)
    {
        var full = Full(path);
        lock (gate)
        {
            if (directories.ContainsKey(full))
            {
                throw new UnauthorizedAccessException($"Access to the path '{full}' is denied.");
            }

            if (!directories.ContainsKey(Parent(full)))
            {
                throw new DirectoryNotFoundException($"Could not find a part of the path '{full}'.");
            }

            files[full] = [.. content];
            directories[Parent(full)].Add(full);
        }
    }

    /// <inheritdoc />
    public void CreateDirectory(string path)
    {
        var full = Full(path);
        lock (gate)
        {
            var missing = new Stack<string>();
            for (var current = full; !directories.ContainsKey(current); current = Parent(current))
            {
                if (files.ContainsKey(current))
                {
                    throw new IOException($"The file '{current}' already exists.");
                }

                missing.Push(current);
            }

            while (missing.Count > 0)
            {
                var directory = missing.Pop();
                directories[directory] = new(StringComparer.Ordinal);
                directories[Parent(directory)].Add(directory);
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

            if (!directories.ContainsKey(Parent(to)) || directories.ContainsKey(to))
            {
                files[from] = content;
                throw new IOException($"Cannot move '{from}' to '{to}'.");
            }

            directories[Parent(from)].Remove(from);
            files[to] = content;
            directories[Parent(to)].Add(to);
        }
    }

    /// <inheritdoc />
    public void DeleteFile(string path)
    {
        lock (gate)
        {
            var full = Full(path);
            if (files.Remove(full))
            {
                directories[Parent(full)].Remove(full);
            }
        }
    }

    /// <inheritdoc />
    public void DeleteDirectory(string path)
    {
        var full = Full(path);
        lock (gate)
        {
            if (!directories.TryGetValue(full, out var entries))
            {
                throw new DirectoryNotFoundException($"Could not find a part of the path '{full}'.");
            }

            if (entries.Count > 0)
            {
                throw new IOException($"Directory not empty: '{full}'");
            }

            directories.Remove(full);
            directories[Parent(full)].Remove(full);
        }
    }

    /// <inheritdoc />
    public IEnumerable<string> EnumerateFiles(string directory, bool recursive)
    {
        var full = Existing(directory);
        lock (gate)
        {
            var result = new List<string>();
            AddFiles(full, recursive, result);
            return result;
        }
    }

    /// <inheritdoc />
    public IEnumerable<string> EnumerateDirectories(string directory)
    {
        var full = Existing(directory);
        lock (gate)
        {
            return directories[full].Where(directories.ContainsKey).ToList();
        }
    }

    /// <inheritdoc />
    public IEnumerable<DirectoryEntry> EnumerateEntries(string directory)
    {
        var full = Existing(directory);
        lock (gate)
        {
            return directories[full].Select(p => new DirectoryEntry(p, directories.ContainsKey(p))).ToList();
        }
    }

    /// <inheritdoc />
    public string? GetLinkTarget(string path) => null;

    private static string Full(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    private static string Parent(string full) => Path.GetDirectoryName(full) ?? full;

    private void AddFiles(string directory, bool recursive, List<string> result)
    {
        foreach (var entry in directories[directory])
        {
            if (files.ContainsKey(entry))
            {
                result.Add(entry);
            }
            else if (recursive)
            {
                AddFiles(entry, recursive, result);
            }
        }
    }

    private string Existing(string directory)
    {
        var full = Full(directory);
        lock (gate)
        {
            return directories.ContainsKey(full) ? full : throw new DirectoryNotFoundException($"Could not find a part of the path '{full}'.");
        }
    }
}
