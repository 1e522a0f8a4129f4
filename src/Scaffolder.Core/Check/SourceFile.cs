using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check;

/// <summary>One file being checked: its repo-relative path, text and, for YAML, its documents.</summary>
public sealed class SourceFile
{
    private int[]? lineStarts;

    /// <summary>Creates a source file.</summary>
    public SourceFile(RepoContext repo, string relativePath, SourceKind kind, string text, YamlFileContent? yaml)
    {
        ArgumentNullException.ThrowIfNull(repo);
        ArgumentNullException.ThrowIfNull(relativePath);
        Repo = repo;
        RelativePath = relativePath;
        Kind = kind;
        Text = text;
        Yaml = yaml;
        var slash = relativePath.LastIndexOf('/');
        Directory = slash < 0 ? string.Empty : relativePath[..(slash + 1)];
        FileName = relativePath[(slash + 1)..];
    }

    /// <summary>The repo-relative path with forward slashes.</summary>
    public string RelativePath { get; }

    /// <summary>The repo-relative directory with a trailing slash, or empty at the root.</summary>
    public string Directory { get; }

    /// <summary>The file name.</summary>
    public string FileName { get; }

    /// <summary>The kind of file.</summary>
    public SourceKind Kind { get; }

    /// <summary>The whole text.</summary>
    public string Text { get; }

    /// <summary>The YAML stream, for YAML files.</summary>
    public YamlFileContent? Yaml { get; }

    /// <summary>The repo being checked.</summary>
    public RepoContext Repo { get; }

    /// <summary>The conventions of the run.</summary>
    public CheckConventions Conventions => Repo.Conventions;

    /// <summary>The absolute native path of the file's directory.</summary>
    public string AbsoluteDirectory => Repo.AbsolutePath(Directory);

    /// <summary>The number of lines.</summary>
    public int LineCount => LineStarts.Length;

    private int[] LineStarts => lineStarts ??= ComputeLineStarts(Text);

    /// <summary>Returns the 1-based line <paramref name="line"/> without its line break, or empty when out of range.</summary>
    public ReadOnlySpan<char> GetLine(int line)
    {
        if (line < 1 || line > LineStarts.Length)
        {
            return [];
        }

        var start = LineStarts[line - 1];
        var end = line < LineStarts.Length ? LineStarts[line] : Text.Length;
        return Text.AsSpan(start, end - start).TrimEnd("\r\n");
    }

    /// <summary>Returns the 1-based line and column of the character at <paramref name="offset"/>.</summary>
    public (int Line, int Column) LocationOf(int offset)
    {
        var index = Array.BinarySearch(LineStarts, offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - LineStarts[line] + 1);
    }

    private static int[] ComputeLineStarts(string text)
    {
        // Every line break starts a line, except a final one: count them first to fill an exactly sized array.
        var starts = new int[1 + text.AsSpan().Count('\n') - (text.EndsWith('\n') ? 1 : 0)];
        var next = 1;
        for (var i = text.IndexOf('\n'); next < starts.Length; i = text.IndexOf('\n', i + 1))
        {
            starts[next++] = i + 1;
        }

        return starts;
    }
}
