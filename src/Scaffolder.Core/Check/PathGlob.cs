using System.Text;
using System.Text.RegularExpressions;

namespace Scaffolder.Core.Check;

/// <summary>
/// A repo-relative path glob: <c>**</c> matches any number of path segments, <c>*</c> any text inside a
/// segment, <c>?</c> one character. A glob ending with <c>/</c> matches everything below that directory.
/// </summary>
public sealed class PathGlob
{
    private readonly Regex regex;

    /// <summary>Compiles <paramref name="pattern"/>.</summary>
    public PathGlob(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Pattern = pattern;
        var normalized = pattern.Replace('\\', '/').TrimStart('/');
        if (normalized.EndsWith('/'))
        {
            normalized += "**";
        }

        var builder = new StringBuilder("^");
        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            if (c == '*' && i + 1 < normalized.Length && normalized[i + 1] == '*')
            {
                var slash = i + 2 < normalized.Length && normalized[i + 2] == '/';
                builder.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*')
            {
                builder.Append("[^/]*");
            }
            else if (c == '?')
            {
                builder.Append("[^/]");
            }
            else
            {
                builder.Append(Regex.Escape(c.ToString()));
            }
        }

        builder.Append('$');
        regex = new Regex(builder.ToString(), RegexOptions.CultureInvariant);
    }

    /// <summary>The pattern as written.</summary>
    public string Pattern { get; }

    /// <summary>Whether the repo-relative <paramref name="path"/> (forward slashes) matches.</summary>
    public bool IsMatch(string path) => regex.IsMatch(path);

    /// <summary>Whether the glob matches a prefix of <paramref name="path"/> ending at a segment boundary; returns that prefix.</summary>
    public bool TryMatchDirectory(string path, out string directory)
    {
        var end = path.IndexOf('/');
        while (end > 0)
        {
            var candidate = path[..(end + 1)];
            if (regex.IsMatch(candidate))
            {
                directory = candidate;
                return true;
            }

            end = path.IndexOf('/', end + 1);
        }

        directory = string.Empty;
        return false;
    }
}
