namespace Scaffolder.Core.Text;

/// <summary>Line positions of a text: for each line its start offset and the end of its content (before the line ending).</summary>
public sealed class Lines
{
    private readonly List<(int Start, int End)> lines = [];

    /// <summary>Indexes <paramref name="text"/>.</summary>
    public Lines(string text)
    {
        Text = text;
        var start = 0;
        while (start <= text.Length)
        {
            var newline = text.IndexOf('\n', start);
            if (newline < 0)
            {
                if (start < text.Length)
                {
                    lines.Add((start, text.Length));
                }

                break;
            }

            lines.Add((start, newline > start && text[newline - 1] == '\r' ? newline - 1 : newline));
            start = newline + 1;
        }
    }

    /// <summary>The indexed text.</summary>
    public string Text { get; }

    /// <summary>Number of lines.</summary>
    public int Count => lines.Count;

    /// <summary>The content of line <paramref name="index"/> (0-based), without its ending.</summary>
    public string this[int index] => Text[lines[index].Start..lines[index].End];

    /// <summary>Offset of the end of line <paramref name="index"/>'s content.</summary>
    public int EndOf(int index) => lines[index].End;

    /// <summary>Offset of the start of line <paramref name="index"/>.</summary>
    public int StartOf(int index) => lines[index].Start;

    /// <summary>Column of the first non-space character, or -1 for a blank line.</summary>
    public int Indent(int index)
    {
        var line = this[index];
        var trimmed = line.TrimStart(' ');
        return trimmed.Length == 0 ? -1 : line.Length - trimmed.Length;
    }

    /// <summary>Whether the line is blank or holds only a comment.</summary>
    public bool IsBlankOrComment(int index)
    {
        var trimmed = this[index].Trim();
        return trimmed.Length == 0 || trimmed.StartsWith('#');
    }
}
