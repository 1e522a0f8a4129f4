using Scaffolder.Core.Yaml;

namespace Scaffolder.Tests.Yaml;

public sealed class YamlReaderTests
{
    [Fact]
    public void Reads_documents_with_lines_columns_and_flux_placeholders()
    {
        var stream = YamlStreamReader.Read("---\nkind: A\nspec:\n  image: \"${app_version}\"\n  list: [a, b]\n---\napiVersion: v1\nkind: B\n");

        stream.Error.ShouldBeNull();
        stream.Documents.Count.ShouldBe(2);
        var image = stream.Documents[0].Map!.At("spec", "image").ShouldBeOfType<LocatedScalar>();
        image.Value.ShouldBe("${app_version}");
        image.IsQuoted.ShouldBeTrue();
        (image.Line, image.Column).ShouldBe((4, 10));
        var key = ((LocatedMapping)stream.Documents[0].Map!.Get("spec")!).GetEntry("list")!.Key;
        (key.Line, key.Column).ShouldBe((5, 3));
        stream.Documents[0].Map!.At("spec", "list").ShouldBeOfType<LocatedSequence>().Items.Select(i => i.Text).ShouldBe(["a", "b"]);
        stream.Documents[1].Kind.ShouldBe("B");
        stream.Documents[1].StartLine.ShouldBe(6);
    }

    [Fact]
    public void Only_a_document_with_apiVersion_and_kind_is_a_manifest()
    {
        var stream = YamlStreamReader.Read("---\nkind: Deployment\nreplicaCount: 2\n---\napiVersion: apps/v1\nkind: Deployment\n");

        stream.Documents.Select(d => (d.Kind, d.IsManifest)).ShouldBe([(null, false), ("Deployment", true)]);
    }

    [Fact]
    public void Resolves_anchors_and_aliases()
    {
        var stream = YamlStreamReader.Read("base: &b {x: 1}\nother: *b\n");

        stream.Documents[0].Map!.At("other", "x")!.Text.ShouldBe("1");
    }

    [Theory]
    [InlineData("a: b\n  c: d\n", 2)]
    [InlineData("metadata:\n  namespace: [foo\ndata: { }\n", 2)]
    [InlineData("a: \"unterminated\n", 1)]
    public void Syntax_errors_become_errors_with_a_line_never_exceptions(string text, int line)
    {
        var stream = YamlStreamReader.Read(text);

        stream.Error.ShouldNotBeNull();
        stream.Error.Line.ShouldBe(line);
        stream.Error.Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Keeps_documents_read_before_an_error()
    {
        var stream = YamlStreamReader.Read("apiVersion: v1\nkind: A\n---\nkind: [B\n");

        stream.Documents.Select(d => d.Kind).ShouldBe(["A"]);
        stream.Error.ShouldNotBeNull();
    }
}
