namespace Scaffolder.Core.Text;

/// <summary>Line positions of a text: for each line its start offset and the end of its content (before the line ending).</summary>
public sealed class Lines
{
    // Two lists of ints rather than one of (start, end) tuples: a tuple element type costs start-up JIT work.
    private readonly List<int> starts = [];
    private readonly List<int> ends = [];

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
                    Add(start, text.Length);
                }

                break;
            }

            Add(start, newline > start && text[newline - 1] == '\r' ? newline - 1 : newline);
            start = newline + 1;
        }
    }

    /// <summary>The indexed text.</summary>
    public string Text { get; }

    /// <summary>Number of lines.</summary>
    public int Count => starts.Count;

    /// <summary>The content of line <paramref name="index"/> (0-based), without its ending.</summary>
    public string this[int index] => Text[starts[index]..ends[index]];

    /// <summary>Offset of the end of line <paramref name="index"/>'s content.</summary>
    public int EndOf(int index) => ends[index];

    /// <summary>Offset of the start of line <paramref name="index"/>.</summary>
    public int StartOf(int index) => starts[index];

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

    private void Add(int start, int end)
    {
        starts.Add(start);
        ends.Add(end);
    }
}
