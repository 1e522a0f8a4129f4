using Scaffolder.Core.IO;

namespace Scaffolder.Core.Planning;

/// <summary>
/// Keeps every write inside the repository: a target path must be relative, without <c>..</c> segments, and no
/// existing folder or file on the way may be a symbolic link that leads outside the repository root.
/// </summary>
public sealed class PathGuard(IFileSystem fileSystem, string repoRoot)
{
    private readonly string root = Path.GetFullPath(repoRoot).TrimEnd(Path.DirectorySeparatorChar);

    /// <summary>Returns the absolute path of a repository-relative target, or throws a user error.</summary>
    public string Resolve(string relativePath)
    {
        if (relativePath.Length == 0 || Path.IsPathRooted(relativePath) || relativePath.Contains('\\', StringComparison.Ordinal)
            || relativePath.Contains('\0', StringComparison.Ordinal) || relativePath.Any(char.IsControl))
        {
            throw new UserInputException($"refusing to write '{relativePath}': target paths must be relative to the repository root");
        }

        var segments = relativePath.Split('/');
        if (segments.Any(s => s is "" or "." or ".."))
        {
            throw new UserInputException($"refusing to write '{relativePath}': empty, '.' or '..' path segments are not allowed");
        }

        var current = root;
        foreach (var segment in segments)
        {
            current = Path.Combine(current, segment);
            var target = fileSystem.GetLinkTarget(current);
            if (target is not null)
            {
                var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(current)!, target));
                if (!IsInside(resolved))
                {
                    throw new UserInputException($"refusing to write '{relativePath}': '{Path.GetRelativePath(root, current)}' is a symbolic link leading outside the repository");
                }
            }
        }

        return current;
    }

    private bool IsInside(string path) =>
        path == root || path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
