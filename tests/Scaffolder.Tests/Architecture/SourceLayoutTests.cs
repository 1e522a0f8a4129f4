using System.Text.RegularExpressions;

namespace Scaffolder.Tests.Architecture;

/// <summary>Where things are: one public type per source file, named after it, and test folders that mirror src.</summary>
public sealed partial class SourceLayoutTests
{
    /// <summary>Test folders that check across the code base rather than one src folder.</summary>
    private static readonly string[] CrossCutting = ["Architecture", "Conformance", "Safety", "Snapshots"];

    [Fact]
    public void Every_source_file_holds_at_most_one_public_type_and_is_named_after_it()
    {
        var wrong = new List<string>();
        foreach (var file in SourceFiles(Path.Combine(TestRepo.SourceRoot, "src")))
        {
            var types = TopLevelPublicType().Matches(File.ReadAllText(file)).Select(m => m.Groups["name"].Value).ToList();
            var stem = Path.GetFileNameWithoutExtension(file);
            if (types.Count > 1 || (types.Count == 1 && types[0] != stem))
            {
                wrong.Add($"{Path.GetRelativePath(TestRepo.SourceRoot, file)}: {string.Join(", ", types)}");
            }
        }

        wrong.ShouldBeEmpty();
    }

    [Fact]
    public void Every_test_folder_is_a_src_folder_or_cross_cutting()
    {
        var src = new[] { "Scaffolder.Core", "Scaffolder.Cli" }
            .SelectMany(p => Directory.EnumerateDirectories(Path.Combine(TestRepo.SourceRoot, "src", p)))
            .Select(Path.GetFileName)
            .Append("Cli")
            .ToHashSet(StringComparer.Ordinal);
        var tests = Directory.EnumerateDirectories(Path.Combine(TestRepo.SourceRoot, "tests", "Scaffolder.Tests"))
            .Select(d => Path.GetFileName(d)!)
            .Where(d => d is not ("bin" or "obj") && Directory.EnumerateFiles(Path.Combine(TestRepo.SourceRoot, "tests", "Scaffolder.Tests", d), "*.cs").Any());

        tests.Where(t => !src.Contains(t) && !CrossCutting.Contains(t)).ShouldBeEmpty();
    }

    [Fact]
    public void The_layout_check_sees_a_second_public_type()
    {
        TopLevelPublicType().Matches("namespace A;\n\npublic sealed class One;\n\n/// <summary>x</summary>\npublic sealed record Two(int X);\n    public class Nested;\n")
            .Select(m => m.Groups["name"].Value).ShouldBe(["One", "Two"]);
    }

    private static IEnumerable<string> SourceFiles(string root) =>
        Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(s => s is "bin" or "obj"));

    [GeneratedRegex(@"^public (?:(?:sealed|static|abstract|partial|readonly|ref) )*(?:class|record struct|record|struct|interface|enum) (?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex TopLevelPublicType();
}
