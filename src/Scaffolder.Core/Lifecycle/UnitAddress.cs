using System.Text;

namespace Scaffolder.Core.Lifecycle;

/// <summary>Unit addresses (<c>&lt;template&gt;/&lt;name&gt;</c>) and the answers file of each.</summary>
public static class UnitAddress
{
    /// <summary>The folder of answers files.</summary>
    public const string AnswersFolder = ".scaffold/answers";

    /// <summary>The address of a unit: <c>&lt;template&gt;/&lt;key&gt;</c>, where the key is the name as a file name.</summary>
    public static string Of(string template, string name) => $"{template}/{Key(name)}";

    /// <summary>The repository-relative answers file of a unit.</summary>
    public static string AnswersPath(string template, string name) => $"{AnswersFolder}/{template}/{Key(name)}.yaml";

    /// <summary>
    /// The name as a file name: DNS-label names as they are; free-text names (decision titles) lowercased, with every run
    /// of other characters than letters and digits turned into one '-'.
    /// </summary>
    public static string Key(string name)
    {
        if (name.Length > 0 && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            return name;
        }

        var builder = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var key = builder.ToString().Trim('-');
        return key.Length == 0 ? "unnamed" : key[..Math.Min(key.Length, 100)];
    }
}
