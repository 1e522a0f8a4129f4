using Scaffolder.Core.Text;

namespace Scaffolder.Core.IO;

/// <summary>
/// Keeps every write (and every read a template asks for) inside the repository: a target path must be relative,
/// without <c>.</c> or <c>..</c> segments, and the real location of every folder or file on the way (after following
/// symbolic links, chains of links and dangling links included) must stay inside the real repository root. Nothing
/// may name or lead into the version-control folder: a <c>.git</c> segment (any case; a folder, or a file as in
/// worktrees and submodules) is refused, and so is a symbolic link whose real location has one.
/// </summary>
public sealed class PathGuard(IFileSystem fileSystem, string repoRoot)
{
    private const int MaxLinks = 40;
    private readonly string root = Path.GetFullPath(repoRoot).TrimEnd(Path.DirectorySeparatorChar);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> checkedPaths = new(StringComparer.Ordinal);
    private string? realRoot;

    /// <summary>Returns the absolute path of a repository-relative target, or throws a user error.</summary>
    /// <param name="relativePath">The repository-relative path ('/'-separated).</param>
    /// <param name="verb">What the caller does with it, for the message ("write" or "read").</param>
    public string Resolve(string relativePath, string verb = "write")
    {
        if (relativePath.Length == 0 || Path.IsPathRooted(relativePath) || relativePath.Contains('\\', StringComparison.Ordinal)
            || relativePath.Any(char.IsControl))
        {
            throw new UserInputException($"refusing to {verb} '{DisplayText.Printable(relativePath)}': paths must be relative to the repository root");
        }

        if (relativePath.Length > 1024 || relativePath.Split('/').Any(s => s.Length > 255))
        {
            throw new UserInputException($"refusing to {verb} '{DisplayText.Printable(relativePath[..Math.Min(80, relativePath.Length)])}…': the path is too long (1024 characters, 255 per folder or file name)");
        }

        var segments = relativePath.Split('/');
        if (segments.Any(s => s is "" or "." or ".."))
        {
            throw new UserInputException($"refusing to {verb} '{relativePath}': empty, '.' or '..' path segments are not allowed");
        }

        if (segments.Any(IsVcsName))
        {
            throw new UserInputException($"refusing to {verb} '{DisplayText.Printable(relativePath)}': '{VcsFolder}' is the repository's version-control folder");
        }

        realRoot ??= RealPath(root, 0);
        var current = root;
        foreach (var segment in segments)
        {
            current = Path.Combine(current, segment);

            // A plan resolves thousands of paths under the same folders (bulk generation): each is looked at once.
            if (checkedPaths.ContainsKey(current))
            {
                continue;
            }

            if (fileSystem.GetLinkTarget(current) is not null)
            {
                var real = RealPath(current, 0);
                if (!IsInside(real))
                {
                    throw new UserInputException($"refusing to {verb} '{relativePath}': '{Path.GetRelativePath(root, current)}' is a symbolic link leading outside the repository");
                }

                if (IsInVcsFolder(real))
                {
                    throw new UserInputException($"refusing to {verb} '{relativePath}': '{Path.GetRelativePath(root, current)}' is a symbolic link leading into the repository's version-control folder ({VcsFolder})");
                }
            }

            checkedPaths.TryAdd(current, true);
        }

        return current;
    }

    /// <summary>The location a path really names: every symbolic link on the way followed (like realpath, but the last part may be missing).</summary>
    private string RealPath(string path, int depth)
    {
        if (depth > MaxLinks)
        {
            throw new UserInputException($"refusing '{path}': too many levels of symbolic links");
        }

        var pathRoot = Path.GetPathRoot(path) ?? string.Empty;
        var current = pathRoot.Length == 0 ? root : pathRoot;
        foreach (var part in path[pathRoot.Length..].Split(['/', Path.DirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Combine(current, part);
            var target = fileSystem.GetLinkTarget(next);
            current = target is null ? next : RealPath(Path.IsPathRooted(target) ? target : Path.Combine(current, target), depth + 1);
        }

        return current.Length > 1 ? current.TrimEnd(Path.DirectorySeparatorChar) : current;
    }

    /// <summary>The name of git's folder (or, in worktrees and submodules, file) in a working tree.</summary>
    public const string VcsFolder = ".git";

    /// <summary>Whether a path segment names the version-control folder (any case: case-insensitive file systems see one folder).</summary>
    public static bool IsVcsName(string segment) => segment.Equals(VcsFolder, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The real location of a repository-relative path as it is now (every link followed, the last parts may be missing),
    /// computed afresh: what the applier compares, right before writing, with what the plan saw.
    /// </summary>
    public string RealPathOf(string relativePath) => RealPath(Path.Combine(root, relativePath.Replace('/', Path.DirectorySeparatorChar)), 0);

    private bool IsInVcsFolder(string realPath) =>
        Path.GetRelativePath(realRoot!, realPath).Split(Path.DirectorySeparatorChar).Any(IsVcsName);

    private bool IsInside(string path) =>
        path == realRoot || path.StartsWith(realRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal);

}
