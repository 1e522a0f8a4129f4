using System.Text;
using System.Text.RegularExpressions;

namespace Scaffolder.Tests.Architecture;

/// <summary>
/// Stack knowledge lives in data (scaffold.defaults.yaml, the templates): outside the check rules folder, whose rules may
/// name the kinds they are about, no C# file under src/ names a stack word in code or a string. Comments may.
/// </summary>
public sealed partial class StackWordTests
{
    private static readonly string[] Words = ["istio", "gethomepage", "mittwald", "cnpg", "garage", "external-secrets", "cilium", "longhorn", "flux-system", "aws-ssm"];

    [Fact]
    public void No_stack_word_in_src_outside_comments_and_the_rules_folder()
    {
        var rules = Path.Combine("src", "Scaffolder.Core", "Check", "Rules") + Path.DirectorySeparatorChar;
        var hits = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestRepo.SourceRoot, "src"), "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(TestRepo.SourceRoot, file);
            if (relative.StartsWith(rules, StringComparison.Ordinal) || relative.Split(Path.DirectorySeparatorChar).Any(s => s is "bin" or "obj"))
            {
                continue;
            }

            hits.AddRange(Hits(File.ReadAllText(file)).Select(h => $"{relative}:{h}"));
        }

        hits.ShouldBeEmpty();
    }

    [Fact]
    public void A_word_in_a_string_or_a_name_is_a_hit_and_one_in_a_comment_is_not()
    {
        const string Code = "// the cnpg operator\nvar a = \"postgresql.cnpg.io/\"; /* garage */\nvar b = @\"x\"; var istioLabel = 1;\n/// <summary>cilium</summary>\nvar c = \"\"\"\n  longhorn\n  \"\"\"; var d = \"http://x\"; // flux-system\n";

        Hits(Code).ShouldBe(["2: cnpg", "3: istio", "6: longhorn"]);
    }

    /// <summary>"line: word" for each stack word in <paramref name="code"/> outside comments.</summary>
    private static List<string> Hits(string code)
    {
        var text = WithoutComments(code);
        var hits = new List<string>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            hits.AddRange(Words.Where(w => lines[i].Contains(w, StringComparison.Ordinal)).Select(w => $"{i + 1}: {w}"));
        }

        return hits;
    }

    /// <summary><paramref name="code"/> with every comment blanked (line breaks kept); string and char literals stay.</summary>
    private static string WithoutComments(string code)
    {
        var output = new StringBuilder(code.Length);
        var i = 0;
        while (i < code.Length)
        {
            if (code[i] == '/' && i + 1 < code.Length && code[i + 1] == '/')
            {
                while (i < code.Length && code[i] != '\n')
                {
                    i++;
                }
            }
            else if (code[i] == '/' && i + 1 < code.Length && code[i + 1] == '*')
            {
                var end = code.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? code.Length : end + 2;
                output.Append('\n', code[i..end].Count(c => c == '\n'));
                i = end;
            }
            else if (RawString().Match(code, i) is { Success: true, Index: var at } raw && at == i)
            {
                var quotes = raw.Value.Length;
                var end = code.IndexOf(new string('"', quotes), i + quotes, StringComparison.Ordinal);
                end = end < 0 ? code.Length : end + quotes;
                output.Append(code, i, end - i);
                i = end;
            }
            else if (code[i] is '"' or '\'')
            {
                var quote = code[i];
                var verbatim = i > 0 && (code[i - 1] == '@' || (code[i - 1] == '$' && i > 1 && code[i - 2] == '@'));
                var start = i++;
                while (i < code.Length && code[i] != quote && code[i] != '\n')
                {
                    i += !verbatim && code[i] == '\\' ? 2 : 1;
                }

                i = Math.Min(i + 1, code.Length);
                output.Append(code, start, i - start);
            }
            else
            {
                output.Append(code[i++]);
            }
        }

        return output.ToString();
    }

    [GeneratedRegex("\\G\"{3,}")]
    private static partial Regex RawString();
}
