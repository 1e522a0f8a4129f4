using Scaffolder.Core;
using Scaffolder.Core.Lifecycle;

namespace Scaffolder.Tests.Lifecycle;

public sealed class AnswersYamlTests
{
    private static UnitAnswers Sample() => new(
        new RecordedRequest("app", "wiki", "2", "sha256:ab", ["live"], [
            new RecordedParameter("image", false, ["ghcr.io/requarks/wiki"]),
            new RecordedParameter("port", false, ["3000"], Plain: true),
            new RecordedParameter("route", false, []),
            new RecordedParameter("volume", true, ["data:10Gi"]),
            new RecordedParameter("access", true, []),
        ]),
        "0.1.0",
        [new RecordedInclude("secret", "wiki-secrets", "live")],
        [new RecordedRequest("secret", "wiki-oidc", "1", "sha256:cd", ["live"], [new RecordedParameter("key", true, ["A:b"])])],
        [new RecordedFile("apps/wiki/a.yaml", new string('a', 40), "app", false), new RecordedFile("apps/rs.yaml", new string('b', 40), "app", true)],
        [new RecordedEdit("versions.env", "env-pin", "app", ["# \"quoted\" \\ tab\t", "wiki_version=1.0"]), new RecordedEdit("k.yaml", "kustomization-resource", "app", [])]);

    [Fact]
    public void Round_trips_every_field()
    {
        var text = AnswersYaml.Write(Sample());
        var read = AnswersYaml.Read(text, "x.yaml");

        AnswersYaml.Write(read).ShouldBe(text);
        read.Unit.ShouldBe("app/wiki");
        read.Root.Parameters.Single(p => p.Name == "port").Plain.ShouldBeTrue();
        read.Root.Parameters.Single(p => p.Name == "route").Items.ShouldBeEmpty();
        read.FollowUps.Single().Name.ShouldBe("wiki-oidc");
        read.Edits[0].Lines[0].ShouldBe("# \"quoted\" \\ tab\t");
        read.Files.Single(f => f.Shared).Path.ShouldBe("apps/rs.yaml");
    }

    [Fact]
    public void Text_values_are_quoted_so_yaml_11_cannot_retype_them()
    {
        var text = AnswersYaml.Write(Sample() with { Root = Sample().Root with { Parameters = [new RecordedParameter("version", false, ["1.10"])] } });

        text.ShouldContain("  version: \"1.10\"\n");
    }

    [Theory]
    [InlineData("tool: \"0.1.0\"\n", "tool: \"0.1.0\"\nsurprise: 1\n", "unknown answers key 'surprise'")]
    [InlineData("blob: \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"", "blob: \"../../etc/passwd\"", "must be a git blob id")]
    [InlineData("unit: \"app/wiki\"", "unit: \"app/other\"", "does not match")]
    public void Hostile_answers_are_refused(string find, string replace, string message)
    {
        var text = AnswersYaml.Write(Sample());
        text.ShouldContain(find);

        Should.Throw<UserInputException>(() => AnswersYaml.Read(text.Replace(find, replace), "a.yaml")).Message.ShouldContain(message);
    }

    [Fact]
    public void Blob_ids_are_what_git_hash_object_prints()
    {
        // printf 'hello\n' | git hash-object --stdin
        GitBlob.Id("hello\n"u8.ToArray()).ShouldBe("ce013625030ba8dba906f756967f9e9ca394464a");
        GitBlob.Id([]).ShouldBe("e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
    }

    [Theory]
    [InlineData("wiki", "wiki")]
    [InlineData("Adopt NATS for messaging", "adopt-nats-for-messaging")]
    [InlineData("../../etc/passwd", "etc-passwd")]
    public void Free_text_names_become_safe_file_names(string name, string key) => UnitAddress.Key(name).ShouldBe(key);
}
