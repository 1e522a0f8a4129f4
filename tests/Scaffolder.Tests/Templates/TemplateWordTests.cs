using Scaffolder.Core.Templates;

namespace Scaffolder.Tests.Templates;

/// <summary>
/// A template.yaml's enumerated words (parameter <c>type</c>, <c>scope</c>, a file's <c>ifExists</c>, an edit's
/// <c>ifMissing</c>) are read when the template loads: a word outside the list stops the run with exit 2 and one line
/// naming the file, line and column, before anything is planned or written.
/// </summary>
public sealed class TemplateWordTests
{
    public static TheoryData<string, string, string> BadWords => new()
    {
        { "scope: galaxy\n", "4:8", "scope must be cluster or repo, not 'galaxy'" },
        { "scope: repo\nparameters:\n  - name: p\n    type: float\n", "7:11", "type must be string, int, bool, choice or list, not 'float'" },
        { "scope: repo\nfiles:\n  - path: out/x.yaml\n    template: x.yaml.sbn\n    ifExists: overwrite\n", "8:15", "ifExists must be conflict or skip, not 'overwrite'" },
        { "scope: repo\nfiles:\n  - path: out/x.yaml\n    template: x.yaml.sbn\n    kustomize: true\n", "8:16", "kustomize: true needs the template's registration: (the list file, inserter and arguments that register it)" },
        { "scope: repo\nedits:\n  - inserter: env-pin\n    file: a.env\n    value: x\n    ifMissing: create\n", "9:16", "ifMissing must be error, skip or note, not 'create'" },
    };

    [Theory]
    [MemberData(nameof(BadWords))]
    public void A_word_outside_the_list_is_exit_2_with_one_line_naming_file_and_line(string rest, string lineColumn, string message)
    {
        var repo = MemoryRepo.FromSample();
        repo.Write(".scaffold/templates/evil/template.yaml", "id: evil\ndescription: d\n\n" + rest);
        repo.Write(".scaffold/templates/evil/x.yaml.sbn", "a: {{ name }}\n");
        var before = repo.Snapshot();

        var result = repo.Run("new", "evil", "x");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldBe($"error: templates/evil/template.yaml:{lineColumn}: {message}\n");
        repo.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void The_words_are_read_into_the_enums()
    {
        TemplateNames.Parse<ParameterType>("choice").ShouldBe(ParameterType.Choice);
        TemplateNames.Parse<IfExistsPolicy>("skip").ShouldBe(IfExistsPolicy.Skip);
        TemplateNames.Parse<TemplateScope>("Repo").ShouldBeNull();
        TemplateNames.Of(ParameterType.List).ShouldBe("list");
        TemplateNames.Alternatives<IfMissingPolicy>().ShouldBe("error, skip or note");
        TemplateNames.Parse<IfMissingPolicy>("note").ShouldBe(IfMissingPolicy.Note);
    }

    [Theory]
    [InlineData(typeof(TemplateScope))]
    [InlineData(typeof(ParameterType))]
    [InlineData(typeof(IfExistsPolicy))]
    [InlineData(typeof(IfMissingPolicy))]
    public void Every_member_has_its_name_as_word_in_both_directions(Type enumType)
    {
        var check = typeof(TemplateWordTests).GetMethod(nameof(RoundTrips), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.MakeGenericMethod(enumType);
        check.Invoke(null, null);
    }

    private static void RoundTrips<T>()
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        var words = values.Select(v => char.ToLowerInvariant(v.ToString()[0]) + v.ToString()[1..]).ToArray();
        TemplateNames.Alternatives<T>().ShouldBe(words.Length == 1 ? words[0] : $"{string.Join(", ", words[..^1])} or {words[^1]}");
        for (var i = 0; i < values.Length; i++)
        {
            TemplateNames.Of(values[i]).ShouldBe(words[i]);
            TemplateNames.Parse<T>(words[i]).ShouldBe(values[i]);
        }
    }
}
