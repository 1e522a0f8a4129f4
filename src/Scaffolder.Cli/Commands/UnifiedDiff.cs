using System.Text;
using DiffPlex;

namespace Scaffolder.Cli.Commands;

/// <summary>
/// A git-style unified diff of one file that <c>git apply</c> and <c>patch</c> accept: lines compare with their line
/// ending, a new file's hunk starts at <c>-0,0</c> and a deleted file's ends at <c>+0,0</c>, a last line without a newline is marked
/// <c>\ No newline at end of file</c>, and each hunk carries at most three lines of context.
/// </summary>
internal static class UnifiedDiff
{
    private const int Context = 3;
    private const string NoNewline = "\\ No newline at end of file";

    /// <summary>One line of the edit script: its kind (<c>' '</c>, <c>'-'</c> or <c>'+'</c>) and its text, line ending included.</summary>
    private readonly record struct Line(char Kind, string Text);

    /// <summary>
    /// Writes the header and hunks of the change from <paramref name="before"/> (null: the file does not exist) to
    /// <paramref name="after"/> (null: the file is deleted); <paramref name="style"/> wraps each printed line (without its
    /// newline) by kind: <c>'h'</c> for file headers, <c>'@'</c> for hunk headers, else the line's kind.
    /// </summary>
    public static void Write(TextWriter output, string path, byte[]? before, byte[]? after, Func<char, string, string> style)
    {
        output.WriteLine(style('h', $"diff --git a/{path} b/{path}"));
        if (before is null)
        {
            output.WriteLine(style('h', "new file mode 100644"));
        }
        else if (after is null)
        {
            output.WriteLine(style('h', "deleted file mode 100644"));
        }

        var script = Script(before is null ? string.Empty : Encoding.UTF8.GetString(before), Encoding.UTF8.GetString(after ?? []));
        if (!script.Exists(l => l.Kind != ' '))
        {
            return;
        }

        output.WriteLine(style('h', before is null ? "--- /dev/null" : $"--- a/{path}"));
        output.WriteLine(style('h', after is null ? "+++ /dev/null" : $"+++ b/{path}"));
        var index = 0;
        while (index < script.Count)
        {
            while (index < script.Count && script[index].Kind == ' ')
            {
                index++;
            }

            if (index == script.Count)
            {
                break;
            }

            // A hunk: from three lines before this change to three lines after the last change that follows the one
            // before it with at most six unchanged lines between them (GNU diff's rule: their contexts would touch).
            var start = Math.Max(0, index - Context);
            var last = index;
            for (var next = index; next < script.Count && next <= last + (2 * Context) + 1; next++)
            {
                if (script[next].Kind != ' ')
                {
                    last = next;
                }
            }

            var end = Math.Min(script.Count, last + Context + 1);
            WriteHunk(output, script, start, end, style);
            index = end;
        }
    }

    /// <summary>The edit script from <paramref name="before"/> to <paramref name="after"/>: unchanged, deleted and inserted lines in file order.</summary>
    private static List<Line> Script(string before, string after)
    {
        var diff = new Differ().CreateCustomDiffs(before, after, false, SplitLines);
        var script = new List<Line>(diff.PiecesOld.Count + diff.PiecesNew.Count);
        var old = 0;
        foreach (var block in diff.DiffBlocks)
        {
            while (old < block.DeleteStartA)
            {
                script.Add(new Line(' ', diff.PiecesOld[old++]));
            }

            for (var i = 0; i < block.DeleteCountA; i++)
            {
                script.Add(new Line('-', diff.PiecesOld[old++]));
            }

            for (var i = 0; i < block.InsertCountB; i++)
            {
                script.Add(new Line('+', diff.PiecesNew[block.InsertStartB + i]));
            }
        }

        while (old < diff.PiecesOld.Count)
        {
            script.Add(new Line(' ', diff.PiecesOld[old++]));
        }

        return script;
    }

    /// <summary>Splits after each <c>'\n'</c>, keeping it (and any <c>'\r'</c> before it) on the line: a last line without one stays distinct.</summary>
    private static string[] SplitLines(string text)
    {
        var lines = new List<string>();
        var from = 0;
        while (from < text.Length)
        {
            var newline = text.IndexOf('\n', from);
            var to = newline < 0 ? text.Length : newline + 1;
            lines.Add(text[from..to]);
            from = to;
        }

        return [.. lines];
    }

    private static void WriteHunk(TextWriter output, List<Line> script, int start, int end, Func<char, string, string> style)
    {
        int oldBefore = 0, newBefore = 0, oldCount = 0, newCount = 0;
        for (var i = 0; i < end; i++)
        {
            var inOld = script[i].Kind != '+';
            var inNew = script[i].Kind != '-';
            if (i < start)
            {
                oldBefore += inOld ? 1 : 0;
                newBefore += inNew ? 1 : 0;
            }
            else
            {
                oldCount += inOld ? 1 : 0;
                newCount += inNew ? 1 : 0;
            }
        }

        output.WriteLine(style('@', $"@@ -{Range(oldBefore, oldCount)} +{Range(newBefore, newCount)} @@"));
        for (var i = start; i < end; i++)
        {
            var (kind, text) = script[i];
            var ended = text.EndsWith('\n');
            output.WriteLine(style(kind, kind + (ended ? text[..^1] : text)));
            if (!ended)
            {
                output.WriteLine(NoNewline);
            }
        }
    }

    /// <summary>GNU diff's range: <c>start,count</c>, with the line before the hunk as start when it is empty and no count when it is one line.</summary>
    private static string Range(int linesBefore, int count) => count switch
    {
        0 => $"{linesBefore},0",
        1 => $"{linesBefore + 1}",
        _ => $"{linesBefore + 1},{count}",
    };
}
