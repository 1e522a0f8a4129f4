using System.Text;
using Scaffolder.Core;
using Scaffolder.Core.Editing;
using Scaffolder.Core.Text;

namespace Scaffolder.Tests.Editing;

/// <summary>
/// Property-style tests over a corpus of differently formatted files: each edit changes only the lines it inserts, so
/// removing them gives back the original bytes (comments, quoting, blank lines, CRLF, BOM, missing final newline).
/// </summary>
public sealed class InserterByteTests
{
    private static readonly Dictionary<string, string> ListArgs = new() { ["path"] = "resources" };
    private static readonly Dictionary<string, string> InputArgs = new() { ["kind"] = "ResourceSet", ["path"] = "spec.inputs", ["match"] = "name" };

    public static TheoryData<string, string> KustomizationCorpus => new()
    {
        { "plain", "---\nresources:\n  - a.yaml\n  - b.yaml\n" },
        { "comments", "---\n# header\nresources:  # listed by hand\n  - a.yaml   # first\n  # - disabled.yaml\n  - 'b.yaml'\n\n# trailing comment\n" },
        { "not-indented", "resources:\n- a.yaml\n- \"b.yaml\"\nnamespace: x\n" },
        { "key-after", "apiVersion: kustomize.config.k8s.io/v1beta1\nresources:\n  - a.yaml\n\n\npatches:\n  - path: p.yaml\n" },
        { "no-final-newline", "resources:\n  - a.yaml\n  - b.yaml" },
        { "crlf", "---\r\n# c\r\nresources:\r\n  - a.yaml\r\n  - b.yaml\r\n" },
        { "crlf-no-final", "resources:\r\n  - a.yaml" },
        { "bom", "\uFEFF---\nresources:\n  - a.yaml\n" },
        { "four-spaces", "resources:\n    -   a.yaml\n    -   b.yaml\nkind: Kustomization\n" },
        { "multi-doc", "---\nkind: Other\nitems:\n  - x\n---\nresources:\n  - a.yaml\n...\n" },
        { "empty-flow", "resources: []\nkind: Kustomization\n" },
        { "empty-flow-comment", "resources: []  # nothing yet\n" },
    };

    [Theory]
    [MemberData(nameof(KustomizationCorpus))]
    public void List_item_insert_only_adds_lines(string id, string original)
    {
        var bytes = Encode(original);
        var file = EditableText.Decode(bytes, id);

        var updated = new YamlListItemInserter().Apply(file, "new.yaml", ListArgs, id);
        var after = file.Encode(updated);

        Encoding.UTF8.GetString(after).ShouldContain("new.yaml");
        RemoveInserted(after, bytes, id).ShouldBe(Normalized(original), id);
        file.Encode(new YamlListItemInserter().Apply(file.With(updated), "new.yaml", ListArgs, id)).ShouldBe(after, "a second insert of the same item changes nothing");
    }

    [Fact]
    public void Resourceset_input_keeps_comments_and_flow_lists_of_other_inputs()
    {
        const string original = "---\nkind: ResourceSet\nspec:\n  # apps\n  inputs:\n    - name: miniflux   # == folder\n      path: a/miniflux\n      dependsOn: [cloudnative-pg, secret-generator]   # wrappers\n  resourcesTemplate: |\n    x: << inputs.name >>\n";
        var file = EditableText.Decode(Encoding.UTF8.GetBytes(original), "rs");

        var updated = new YamlListItemInserter("resourceset-input").Apply(file, "name: demo\npath: a/demo\ndependsOn: []\n", InputArgs, "rs");

        updated.ShouldBe(original.Replace("  resourcesTemplate", "    - name: demo\n      path: a/demo\n      dependsOn: []\n  resourcesTemplate", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("resources: [a.yaml, b.yaml]\n", "flow-style list")]
    [InlineData("resources:\n  - &first a.yaml\n  - *first\n", "anchors or aliases")]
    [InlineData("resources: a.yaml\n", "is not a list")]
    [InlineData("kind: Kustomization\n", "has no list at 'resources'")]
    [InlineData("resources:\n  - a.yaml\n  bad: [\n", "invalid YAML")]
    public void Unsafe_targets_are_refused_not_rewritten(string original, string message)
    {
        var file = EditableText.Decode(Encoding.UTF8.GetBytes(original), "k.yaml");

        var error = Should.Throw<UserInputException>(() => new YamlListItemInserter().Apply(file, "new.yaml", ListArgs, "k.yaml"));

        error.Message.ShouldContain(message);
    }

    [Theory]
    [InlineData("metadata:\n  name: demo\n  labels:\n    a: \"1\"   # keep\n    b: x\nspec: { }\n")]
    [InlineData("metadata:\r\n  labels:\r\n    a: '1'\r\n")]
    [InlineData("metadata:\n  labels:\n      a: \"1\"")]
    public void Map_entry_adds_one_line(string original)
    {
        var bytes = Encode(original);
        var file = EditableText.Decode(bytes, "ns");
        var args = new Dictionary<string, string> { ["path"] = "metadata.labels", ["key"] = "access/postgres" };

        var after = file.Encode(new YamlMapEntryInserter().Apply(file, "\"true\"", args, "ns"));

        RemoveInserted(after, bytes, "ns").ShouldBe(Normalized(original));
    }

    [Theory]
    [InlineData("metadata:\n  name: demo\n  labels:\n    a: b   # kept\n", "metadata:\n  name: demo\n  labels:\n    a: b   # kept\n  annotations:\n    kustomize.toolkit.fluxcd.io/prune: disabled\n")]
    [InlineData("metadata:\n  name: demo\n  annotations:\n    x: y\n", "metadata:\n  name: demo\n  annotations:\n    x: y\n    kustomize.toolkit.fluxcd.io/prune: disabled\n")]
    public void Map_entry_with_create_adds_the_missing_mapping_after_its_parent_s_last_entry(string original, string expected)
    {
        var file = EditableText.Decode(Encoding.UTF8.GetBytes(original), "ns");
        var args = new Dictionary<string, string> { ["path"] = "metadata.annotations", ["key"] = "kustomize.toolkit.fluxcd.io/prune", ["create"] = "true" };

        var updated = new YamlMapEntryInserter().Apply(file, "disabled", args, "ns");

        updated.ShouldBe(expected);
        new YamlMapEntryInserter().Apply(EditableText.Decode(Encoding.UTF8.GetBytes(updated), "ns"), "disabled", args, "ns").ShouldBe(updated);
    }

    [Fact]
    public void Map_entry_without_create_refuses_a_missing_mapping()
    {
        var file = EditableText.Decode(Encoding.UTF8.GetBytes("metadata:\n  name: demo\n"), "ns");
        var args = new Dictionary<string, string> { ["path"] = "metadata.annotations", ["key"] = "k" };

        Should.Throw<UserInputException>(() => new YamlMapEntryInserter().Apply(file, "v", args, "ns"));
    }

    [Fact]
    public void Map_entry_replaces_only_the_value_of_an_existing_key()
    {
        const string original = "metadata:\n  labels:\n    profile: internal   # chosen in 2025\n    other: x\n";
        var file = EditableText.Decode(Encoding.UTF8.GetBytes(original), "ns");
        var args = new Dictionary<string, string> { ["path"] = "metadata.labels", ["key"] = "profile" };

        var updated = new YamlMapEntryInserter().Apply(file, "standard", args, "ns");

        updated.ShouldBe("metadata:\n  labels:\n    profile: standard   # chosen in 2025\n    other: x\n");
    }

    [Theory]
    [InlineData("# renovate: datasource=docker depName=a\na_version=1.0.0\n")]
    [InlineData("# renovate: datasource=docker depName=a\r\na_version=1.0.0\r\n\r\n")]
    [InlineData("a_version=1.0.0")]
    [InlineData("")]
    public void Env_pin_appends_two_lines(string original)
    {
        var bytes = Encode(original);
        var file = EditableText.Decode(bytes, "versions.env");
        const string pin = "# renovate: datasource=helm depName=b\nb_version=2.0.0\n";

        var after = file.Encode(new EnvPinInserter().Apply(file, file.Lines(pin), new Dictionary<string, string>(), "versions.env"));

        Encoding.UTF8.GetString(after).ShouldContain("b_version=2.0.0");
        RemoveInserted(after, bytes, "versions.env").ShouldBe(Normalized(original));
    }

    [Fact]
    public void Env_pin_with_another_value_is_a_conflict()
    {
        var file = EditableText.Decode(Encoding.UTF8.GetBytes("# renovate: datasource=docker depName=a\na_version=1.0.0\n"), "v.env");

        Should.Throw<ConflictException>(() => new EnvPinInserter().Apply(file, "# renovate: datasource=docker depName=a\na_version=2.0.0\n", new Dictionary<string, string>(), "v.env"))
            .Message.ShouldContain("already pinned");
    }

    [Fact]
    public void Document_insert_appends_once()
    {
        const string original = "---\n# roles\nkind: Secret\nmetadata:\n  name: a\n";
        var file = EditableText.Decode(Encoding.UTF8.GetBytes(original), "d");
        const string doc = "---\nkind: Secret\nmetadata:\n  name: b\n";

        var updated = new YamlDocumentInserter().Apply(file, doc, new Dictionary<string, string>(), "d");

        updated.ShouldBe(original + doc);
        new YamlDocumentInserter().Apply(file.With(updated), doc, new Dictionary<string, string>(), "d").ShouldBe(updated);
    }

    [Fact]
    public void Hcl_block_appends_once_after_a_blank_line()
    {
        const string original = "locals {\n  name = \"live\"\n}\n\nunit \"config\" {\n  source = \"../../units/config\"\n}\n";
        var file = EditableText.Decode(Encoding.UTF8.GetBytes(original), "s");
        const string block = "unit \"demo\" {\n  source = \"../../units/demo\"\n  path   = \"demo\"\n}\n";

        var updated = new HclBlockInserter().Apply(file, block, new Dictionary<string, string>(), "s");

        updated.ShouldBe(original + "\n" + block);
        new HclBlockInserter().Apply(file.With(updated), block, new Dictionary<string, string>(), "s").ShouldBe(updated);
    }

    private static byte[] Encode(string text) =>
        text.StartsWith('\uFEFF') ? [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text[1..])] : Encoding.UTF8.GetBytes(text);

    private static string Normalized(string original) => original.Replace("resources: []", "resources:", StringComparison.Ordinal);

    /// <summary>Removes the lines of <paramref name="after"/> that are not in <paramref name="before"/> (a line diff).</summary>
    private static string RemoveInserted(byte[] after, byte[] before, string id)
    {
        var a = Encoding.Latin1.GetString(after);
        var b = Encoding.Latin1.GetString(before);
        var beforeLines = SplitKeep(Normalized(b));
        var afterLines = SplitKeep(a);
        var kept = new StringBuilder();
        var i = 0;
        foreach (var line in afterLines)
        {
            if (i < beforeLines.Count && (line == beforeLines[i] || (i == beforeLines.Count - 1 && line.TrimEnd('\r', '\n') == beforeLines[i])))
            {
                kept.Append(beforeLines[i]);
                i++;
            }
        }

        i.ShouldBe(beforeLines.Count, $"{id}: every original line must survive in order");
        return Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(kept.ToString()));
    }

    private static List<string> SplitKeep(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines;
    }
}
