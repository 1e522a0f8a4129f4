using System.Text;

namespace Scaffolder.Core.Text;

/// <summary>
/// A text file decoded for editing so that encoding back gives the same bytes: a UTF-8 BOM, the line-ending
/// style and a missing final newline are remembered. Edits splice new lines in; untouched bytes stay as they were.
/// </summary>
public sealed class EditableText
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private EditableText(bool hasBom, string text, string? newline = null)
    {
        HasBom = hasBom;
        Text = text;
        Newline = newline ?? (text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n");
    }

    /// <summary>Whether the file starts with a UTF-8 byte order mark.</summary>
    public bool HasBom { get; }

    /// <summary>The text without the byte order mark.</summary>
    public string Text { get; }

    /// <summary>The line ending the file uses (<c>\r\n</c> when it has any, else <c>\n</c>).</summary>
    public string Newline { get; }

    /// <summary>Decodes file bytes; non-UTF-8 content is refused.</summary>
    public static EditableText Decode(byte[] bytes, string displayPath)
    {
        var bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        try
        {
            return new EditableText(bom, Utf8.GetString(bytes, bom ? 3 : 0, bytes.Length - (bom ? 3 : 0)));
        }
        catch (DecoderFallbackException)
        {
            throw new UserInputException($"cannot edit {displayPath}: it is not UTF-8 text");
        }
    }

    /// <summary>Returns the same file (BOM, line endings) with other text.</summary>
    public EditableText With(string text) => new(HasBom, text, Newline);

    /// <summary>Encodes <paramref name="text"/> with this file's byte order mark.</summary>
    public byte[] Encode(string text)
    {
        var body = Utf8.GetBytes(text);
        return HasBom ? [0xEF, 0xBB, 0xBF, .. body] : body;
    }

    /// <summary>Converts <c>\n</c> line endings of generated text to the file's style.</summary>
    public string Lines(string generated) =>
        Newline == "\n" ? generated.Replace("\r\n", "\n", StringComparison.Ordinal) : generated.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);

    /// <summary>
    /// Inserts whole <paramref name="lines"/> (each without a line ending) after the line that ends at
    /// <paramref name="lineEnd"/> (the index just past that line's content, before its line ending).
    /// A file without a final newline keeps having none.
    /// </summary>
    public string InsertLinesAfter(int lineEnd, IEnumerable<string> lines)
    {
        var block = string.Join(Newline, lines);
        if (lineEnd >= Text.Length)
        {
            // Last line of the file: keep the file's final-newline state.
            var endsWithNewline = Text.EndsWith('\n');
            return endsWithNewline ? Text + block + Newline : Text + Newline + block;
        }

        var afterNewline = Text.IndexOf('\n', lineEnd) + 1;
        return Text[..afterNewline] + block + Newline + Text[afterNewline..];
    }
}
