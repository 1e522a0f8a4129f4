namespace Scaffolder.Core.Text;

/// <summary>Text from users or files made safe to print in a one-line message.</summary>
public static class DisplayText
{
    /// <summary>Replaces every control character (line breaks, escapes, NUL...) with <c>?</c>.</summary>
    public static string Printable(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return string.Create(value.Length, value, static (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                span[i] = char.IsControl(text[i]) ? '?' : text[i];
            }
        });
    }
}
