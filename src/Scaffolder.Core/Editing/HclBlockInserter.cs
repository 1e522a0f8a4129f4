using System.Text.RegularExpressions;
using Scaffolder.Core.Text;

namespace Scaffolder.Core.Editing;

/// <summary>
/// Appends an HCL block (for example a <c>unit "name" { … }</c> entry of a <c>terragrunt.stack.hcl</c>) at the end of
/// a file, after one blank line. A block with the same header (its first line up to <c>{</c>) already in the file
/// leaves it unchanged.
/// </summary>
public sealed class HclBlockInserter : IInserter
{
    /// <inheritdoc />
    public string Name => "hcl-block";

    /// <inheritdoc />
    public string Apply(EditableText file, string insertion, IReadOnlyDictionary<string, string> args, string displayPath)
    {
        var block = insertion.TrimEnd('\r', '\n').Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var header = block[0].TrimEnd('{', ' ').Trim();
        var pattern = new Regex(
            "^\\s*" + string.Join("\\s+", header.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape)) + "\\s*\\{",
            RegexOptions.Multiline | RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));
        if (pattern.IsMatch(file.Text))
        {
            return file.Text;
        }

        var lines = new Lines(file.Text);
        var last = lines.Count - 1;
        while (last >= 0 && lines[last].Trim().Length == 0)
        {
            last--;
        }

        return last < 0 ? string.Join(file.Newline, block) + file.Newline : file.InsertLinesAfter(lines.EndOf(last), ["", .. block]);
    }
}
