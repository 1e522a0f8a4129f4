using System.Text;
using System.Text.RegularExpressions;

namespace Scaffolder.Core.Hcl;

/// <summary>
/// Aligns the <c>=</c> of consecutive attribute lines the way <c>tofu fmt</c> (hclwrite) does, so templates do not
/// have to pad names: a chain is a run of lines that each hold one complete <c>name = value</c> (brackets balanced;
/// a heredoc opener counts and its body belongs to its line); a blank line, a comment line, a block header, a
/// closing brace or a line opening a multi-line value ends the chain. Within a chain every <c>=</c> is placed one
/// column after the longest name, and exactly one space follows it. Everything else is left as written.
/// </summary>
public static partial class HclFormatter
{
    /// <summary>Returns <paramref name="text"/> with attribute chains aligned.</summary>
    public static string AlignAttributes(string text)
    {
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var output = new List<string>(lines.Length);
        var chain = new List<(int Index, string Lead, string Value)>();
        string? heredoc = null;
        foreach (var line in lines)
        {
            if (heredoc is not null)
            {
                output.Add(line);
                if (line.Trim() == heredoc)
                {
                    heredoc = null;
                }

                continue;
            }

            var match = AttributeLine().Match(line);
            var value = match.Success ? match.Groups["value"].Value.Trim() : string.Empty;
            var opener = match.Success ? HeredocOpener().Match(value) : Match.Empty;
            if (match.Success && (opener.Success || BracketBalance(value) == 0))
            {
                chain.Add((output.Count, match.Groups["lead"].Value, value));
                output.Add(line);
                if (opener.Success)
                {
                    heredoc = opener.Groups[1].Value;
                }

                continue;
            }

            Close(chain, output);
            output.Add(line);
        }

        Close(chain, output);
        return string.Join(newline, output);
    }

    private static void Close(List<(int Index, string Lead, string Value)> chain, List<string> output)
    {
        var width = chain.Select(c => c.Lead.Length).DefaultIfEmpty(0).Max();
        foreach (var (index, lead, value) in chain)
        {
            output[index] = lead + new string(' ', width - lead.Length + 1) + "= " + value;
        }

        chain.Clear();
    }

    /// <summary>Net count of opening minus closing brackets outside strings and comments.</summary>
    private static int BracketBalance(string value)
    {
        var balance = 0;
        var inString = false;
        var builder = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '#':
                    return balance;
                case '/' when i + 1 < value.Length && value[i + 1] == '/':
                    return balance;
                case '(' or '[' or '{':
                    balance++;
                    break;
                case ')' or ']' or '}':
                    balance--;
                    break;
            }
        }

        return balance;
    }

    [GeneratedRegex("""^(?<lead>[ \t]*(?:[A-Za-z_][A-Za-z0-9_-]*|"(?:[^"\\]|\\.)*"))[ \t]*=(?![=>])(?<value>.*)$""", RegexOptions.CultureInvariant)]
    private static partial Regex AttributeLine();

    [GeneratedRegex("^<<-?([A-Za-z][A-Za-z0-9_-]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex HeredocOpener();
}
