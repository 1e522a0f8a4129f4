using System.Text;
using Scaffolder.Core;
using Scaffolder.Core.Editing;
using Scaffolder.Core.Text;
using Shouldly;
using Xunit;

namespace Scaffolder.Tests.Editing;

/// <summary>
/// Bulk generation hands an inserter all edits of one file at once; the result must be exactly what applying them
/// one after another gives (duplicates within the batch included), and a conflict must name the same line.
/// </summary>
public sealed class BatchedInserterTests
{
    private static readonly Dictionary<string, string> NoArgs = new(StringComparer.Ordinal);

    private static string OneByOne(IInserter inserter, string original, IReadOnlyList<string> insertions)
    {
        var text = original;
        foreach (var insertion in insertions)
        {
            var file = EditableText.Decode(Encoding.UTF8.GetBytes(text), "f");
            text = inserter.Apply(file, file.Lines(insertion), NoArgs, "f");
        }

        return text;
    }

    private static string Batched(IInserter inserter, string original, IReadOnlyList<string> insertions)
    {
        var file = EditableText.Decode(Encoding.UTF8.GetBytes(original), "f");
        return inserter.ApplyAll(file, [.. insertions.Select(file.Lines)], NoArgs, "f");
    }

    public static TheoryData<string> EnvFiles() => new()
    {
        string.Empty,
        "# versions\nA_VERSION=1\n",
        "# renovate: datasource=docker depName=a\r\nA_VERSION=1\r\n\r\n",
        "A_VERSION=1",
        "\n\n",
    };

    [Theory]
    [MemberData(nameof(EnvFiles))]
    public void Env_pins_batched_equal_one_by_one(string original)
    {
        string[] pins =
        [
            "# renovate: datasource=docker depName=b\nB_VERSION=2\n",
            "# renovate: datasource=docker depName=c\nC_VERSION=3\n",
            "# renovate: datasource=docker depName=b\nB_VERSION=2\n",
            "A_VERSION=1\n",
        ];
        Batched(new EnvPinInserter(), original, pins).ShouldBe(OneByOne(new EnvPinInserter(), original, pins));
    }

    [Fact]
    public void A_batched_pin_sees_the_line_above_it_like_one_by_one()
    {
        // The third pin repeats the second with the first as its comment line: one by one, nothing changes.
        string[] pins = ["A=1\n", "B=1\n", "A=1\nB=1\n"];
        Batched(new EnvPinInserter(), "# pins\n", pins).ShouldBe(OneByOne(new EnvPinInserter(), "# pins\n", pins));
    }

    [Fact]
    public void Env_pin_conflict_in_a_batch_names_the_same_line()
    {
        const string original = "A_VERSION=1\n";
        string[] pins = ["B_VERSION=2\n", "C_VERSION=3\n", "B_VERSION=9\n"];
        var batched = Should.Throw<ConflictException>(() => Batched(new EnvPinInserter(), original, pins));
        var oneByOne = Should.Throw<ConflictException>(() => OneByOne(new EnvPinInserter(), original, pins));
        batched.Message.ShouldBe(oneByOne.Message);
        batched.Message.ShouldStartWith("f:2:");
    }

    public static TheoryData<string> YamlFiles() => new()
    {
        string.Empty,
        "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n",
        "# head comment\r\napiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: a\r\n\r\n\r\n",
        "kind: ConfigMap\nmetadata:\n  name: a",
    };

    [Theory]
    [InlineData("kind: Note\ntext: existing\n")]
    [InlineData("kind: Note\nmetadata:\n  labels: {}\n")]
    [InlineData("")]
    public void Documents_without_a_name_batch_like_one_by_one(string original)
    {
        // Only an existing document with a metadata mapping can match; a missing name matches a missing name.
        string[] documents = ["kind: Note\ntext: one\n", "kind: Note\ntext: two\n", "kind: Note\nmetadata:\n  labels: {}\n"];
        Batched(new YamlDocumentInserter(), original, documents).ShouldBe(OneByOne(new YamlDocumentInserter(), original, documents));
    }

    [Theory]
    [MemberData(nameof(YamlFiles))]
    public void Yaml_documents_batched_equal_one_by_one(string original)
    {
        string[] documents =
        [
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n",
            "---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: b\n",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n",
        ];
        var batched = Batched(new YamlDocumentInserter(), original, documents);
        batched.ShouldBe(OneByOne(new YamlDocumentInserter(), original, documents));
        batched.ShouldStartWith(original.TrimEnd('\r', '\n'));
    }
}
