using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Scaffolder.Core.Lifecycle;

/// <summary>Git blob ids: what <c>git hash-object</c> prints for a file's content (SHA-1 object format).</summary>
public static class GitBlob
{
    /// <summary>The blob id of <paramref name="content"/>: SHA-1 of <c>"blob &lt;length&gt;\0"</c> followed by the content.</summary>
    public static string Id(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"blob {content.Length}\0"));
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        sha.AppendData(header);
        sha.AppendData(content);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Whether <paramref name="id"/> looks like a blob id (40 lowercase hex digits).</summary>
    public static bool IsId(string id) => id.Length == 40 && id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
