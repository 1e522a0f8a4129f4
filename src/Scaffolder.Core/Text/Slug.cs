using System.Globalization;
using System.Text;

namespace Scaffolder.Core.Text;

/// <summary>
/// File-name slugs of free text (ADR titles): <c>Use café</c> gives <c>use-cafe</c>. The tool runs with invariant
/// globalization, where <see cref="string.Normalize()"/> does not decompose accented letters, so Latin letters are
/// folded to their base letters by a table of their own (Latin-1 and Latin Extended-A: <c>é</c> → <c>e</c>, <c>ß</c> →
/// <c>ss</c>, <c>æ</c> → <c>ae</c>, <c>ł</c> → <c>l</c>); combining marks of already decomposed text are dropped.
/// </summary>
public static class Slug
{
    /// <summary>Base letters of U+00C0..U+017F, one entry per character; "" for the two signs (× and ÷) among them.</summary>
    private static readonly string[] Folds = BuildFolds();

    /// <summary>
    /// The slug of <paramref name="text"/>: lowercase ASCII letters and digits, every other run of characters one
    /// '-', no '-' at either end, at most <paramref name="maxLength"/> characters ("Adopt Redis 7.2!" gives
    /// "adopt-redis-7-2"). Empty when the text has no letter or digit.
    /// </summary>
    public static string Of(string text, int maxLength = 60)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(Math.Min(text.Length, maxLength + 1));
        var pendingDash = false;
        foreach (var c in text)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var folded = c is >= '\u00C0' and <= '\u017F' ? Folds[c - '\u00C0'] : char.ToLowerInvariant(c).ToString();
            if (folded.Length == 0 || folded[0] is not ((>= 'a' and <= 'z') or (>= '0' and <= '9')))
            {
                pendingDash = true;
                continue;
            }

            if (pendingDash && builder.Length > 0)
            {
                builder.Append('-');
            }

            pendingDash = false;
            builder.Append(folded);
            if (builder.Length >= maxLength)
            {
                break;
            }
        }

        return builder.ToString(0, Math.Min(builder.Length, maxLength)).TrimEnd('-');
    }

    private static string[] BuildFolds()
    {
        // Runs of consecutive characters sharing a base letter, from U+00C0 on (uppercase and lowercase alike).
        (int Count, string Base)[] runs =
        [
            // Latin-1 Supplement, U+00C0..U+00FF.
            (6, "a"), (1, "ae"), (1, "c"), (4, "e"), (4, "i"), (1, "d"), (1, "n"), (5, "o"), (1, ""), (1, "o"), (4, "u"), (1, "y"), (1, "th"), (1, "ss"),
            (6, "a"), (1, "ae"), (1, "c"), (4, "e"), (4, "i"), (1, "d"), (1, "n"), (5, "o"), (1, ""), (1, "o"), (4, "u"), (1, "y"), (1, "th"), (1, "y"),
            // Latin Extended-A, U+0100..U+017F.
            (6, "a"), (8, "c"), (4, "d"), (10, "e"), (8, "g"), (4, "h"), (10, "i"), (2, "ij"), (2, "j"), (3, "k"), (10, "l"), (9, "n"), (6, "o"),
            (2, "oe"), (6, "r"), (8, "s"), (6, "t"), (12, "u"), (2, "w"), (3, "y"), (6, "z"), (1, "s"),
        ];
        var folds = new List<string>(0x17F - 0xC0 + 1);
        foreach (var (count, letters) in runs)
        {
            folds.AddRange(Enumerable.Repeat(letters, count));
        }

        return folds.Count == 0x17F - 0xC0 + 1 ? [.. folds] : throw new InvalidOperationException("slug fold table has the wrong size");
    }
}
