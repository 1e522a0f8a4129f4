using Scaffolder.Core.Text;

namespace Scaffolder.Core.Rendering;

/// <summary>
/// How configured strings are written into generated YAML so that they stay data: each function either returns text
/// that a YAML reader (1.1 or 1.2) parses back to exactly the given string, or refuses a value that cannot be what
/// its place needs (a Kubernetes name or label with a newline, say). Plain scalars are kept when they are safe, so
/// ordinary values are written as before.
/// </summary>
internal static class YamlValues
{
    /// <summary>A whole scalar in block context: plain when that reads back as the same text, else double-quoted.</summary>
    public static string Scalar(string value) => IsSafePlain(value) ? value : TemplateRenderer.Quote(value);

    /// <summary>A Kubernetes object name or namespace (DNS-1123 subdomain) written as a whole scalar.</summary>
    public static string Name(string value) => Scalar(NamePart(value));

    /// <summary>A Kubernetes name used inside a larger scalar (<c>{{ k8s_name_part pooler }}.svc</c>): checked, not quoted.</summary>
    public static string NamePart(string value) =>
        IsSubdomain(value) ? value : throw Refused(value, "a Kubernetes name (DNS-1123: 1-253 lowercase letters, digits, '-' and '.')");

    /// <summary>A Kubernetes label or annotation key (<c>[prefix/]name</c>), written as a whole scalar.</summary>
    public static string LabelKey(string value) => Scalar(LabelKeyPart(value));

    /// <summary>A label key, or the prefix of one, used inside a larger key: checked, not quoted.</summary>
    public static string LabelKeyPart(string value)
    {
        var slash = value.LastIndexOf('/');
        var prefixOk = slash < 0 || IsSubdomain(value[..slash]);
        return prefixOk && IsLabelName(value[(slash + 1)..], allowEmpty: false)
            ? value
            : throw Refused(value, "a Kubernetes label key ([DNS-subdomain/]name, the name 1-63 letters, digits, '-', '_' or '.')");
    }

    /// <summary>A Kubernetes label value (empty, or up to 63 letters, digits, '-', '_' and '.'), written as a whole scalar.</summary>
    public static string LabelValue(string value) =>
        IsLabelName(value, allowEmpty: true)
            ? Scalar(value)
            : throw Refused(value, "a Kubernetes label value (up to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit)");

    /// <summary>Whether <paramref name="value"/> written unquoted is read back as exactly this text by YAML 1.1 and 1.2.</summary>
    public static bool IsSafePlain(string value)
    {
        if (value.Length == 0 || value != value.Trim() || Yaml11Scalars.IsNonString(value))
        {
            return false;
        }

        if ("-?:,[]{}#&*!|>'\"%@`".Contains(value[0], StringComparison.Ordinal) && !(value[0] is '-' or '?' or ':' && value.Length > 1 && value[1] != ' '))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (char.IsControl(c) || c is '\uFEFF' or '\u2028' or '\u2029' or '\u0085' || char.IsSurrogate(c))
            {
                return false;
            }
        }

        // Block context: ',', '[', ']', '{' and '}' only matter as the first character.
        return !value.Contains(": ", StringComparison.Ordinal) && !value.Contains(" #", StringComparison.Ordinal) && !value.EndsWith(':');
    }

    private static bool IsSubdomain(string value)
    {
        if (value.Length is 0 or > 253)
        {
            return false;
        }

        foreach (var label in value.Split('.'))
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-' || !label.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLabelName(string value, bool allowEmpty) =>
        value.Length == 0
            ? allowEmpty
            : value.Length <= 63 && char.IsAsciiLetterOrDigit(value[0]) && char.IsAsciiLetterOrDigit(value[^1])
                && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static RefusedValueException Refused(string value, string what) =>
        new($"'{DisplayText.Printable(value.Length > 80 ? value[..80] + "…" : value)}' (from the config or a parameter) is not {what}");
}

/// <summary>A value a template function refuses: the message is the whole explanation.</summary>
internal sealed class RefusedValueException(string message) : Exception(message);
