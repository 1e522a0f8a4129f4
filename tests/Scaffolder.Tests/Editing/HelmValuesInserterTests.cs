using System.Text;
using Scaffolder.Core.Editing;
using Scaffolder.Core.Text;

namespace Scaffolder.Tests.Editing;

/// <summary>
/// The values inserter adds env and persistence entries to a HelmRelease by inserting lines only: every byte of the
/// original is kept (comments, quoting, CRLF, BOM, missing final newline), and shapes it cannot edit give the lines to
/// add by hand instead of an error.
/// </summary>
public sealed class HelmValuesInserterTests
{
    private const string Env = "API_KEY:\n  valueFrom:\n    secretKeyRef:\n      name: wiki-secrets\n      key: API_KEY\n";
    private const string Persistence = "data:\n  existingClaim: wiki-data\n  globalMounts:\n    - path: /data\n";

    private static readonly Dictionary<string, string> EnvArgs = new()
    {
        ["kind"] = "HelmRelease", ["name"] = "wiki", ["path"] = "spec.values.controllers.*.containers.*.env", ["after"] = "image",
    };

    private static readonly Dictionary<string, string> PersistenceArgs = new() { ["kind"] = "HelmRelease", ["name"] = "wiki", ["path"] = "spec.values.persistence" };

    private const string Release = """
        ---
        # a comment the inserter keeps
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: wiki
        spec:
          values:
            # yaml-language-server: $schema=x
            controllers:
              wiki:
                containers:
                  app:
                    image:
                      repository: 'ghcr.io/example/wiki'   # quoted
                      tag: "${wiki_version}"
                    securityContext: {allowPrivilegeEscalation: false}
            service:
              app:
                ports:
                  http:
                    port: 8080

            # trailing comment
        """;

    public static TheoryData<string, string> Corpus => new()
    {
        { "plain", Release + "\n" },
        { "no-final-newline", Release },
        { "crlf", Release.Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n" },
        { "bom", "\uFEFF" + Release + "\n" },
        { "four-spaces", Release.Replace("\n    ", "\n        ", StringComparison.Ordinal).Replace("\n  ", "\n    ", StringComparison.Ordinal) + "\n" },
        { "two-documents", "---\nkind: Other\nspec:\n  values: {}\n" + Release + "\n---\nkind: Namespace\n" },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Env_and_persistence_only_add_lines(string id, string original)
    {
        var bytes = Encoding.UTF8.GetBytes(original);
        var file = EditableText.Decode(bytes, id);
        var inserter = new HelmValuesInserter();

        var withEnv = inserter.Apply(file, file.Lines(Env), EnvArgs, id);
        var updated = inserter.Apply(file.With(withEnv), file.Lines(Persistence), PersistenceArgs, id);

        updated.ShouldContain("existingClaim: wiki-data");
        RemoveAdded(updated, file.Text).ShouldBe(file.Text, id);
        inserter.Apply(file.With(updated), file.Lines(Env), EnvArgs, id).ShouldBe(updated, "a second run adds nothing");
        inserter.Apply(file.With(updated), file.Lines(Persistence), PersistenceArgs, id).ShouldBe(updated);
    }

    [Fact]
    public void A_missing_env_goes_after_the_image_and_a_missing_persistence_at_the_end_of_the_values()
    {
        var inserter = new HelmValuesInserter();
        var file = EditableText.Decode(Encoding.UTF8.GetBytes(Release + "\n"), "hr");

        var updated = inserter.Apply(file, Persistence, PersistenceArgs, "hr");
        updated = inserter.Apply(file.With(updated), Env, EnvArgs, "hr");

        updated.ShouldBe(Release.Replace(
            "      tag: \"${wiki_version}\"\n",
            "      tag: \"${wiki_version}\"\n            env:\n              API_KEY:\n                valueFrom:\n                  secretKeyRef:\n                    name: wiki-secrets\n                    key: API_KEY\n",
            StringComparison.Ordinal).Replace(
            "            port: 8080\n",
            "            port: 8080\n    persistence:\n      data:\n        existingClaim: wiki-data\n        globalMounts:\n          - path: /data\n",
            StringComparison.Ordinal) + "\n");
    }

    [Fact]
    public void A_second_env_entry_goes_after_the_last_one_with_its_indentation()
    {
        var inserter = new HelmValuesInserter();
        var file = EditableText.Decode(Encoding.UTF8.GetBytes(Release + "\n"), "hr");
        var once = inserter.Apply(file, Env, EnvArgs, "hr");

        var twice = inserter.Apply(file.With(once), "DB_PORT: \"5432\"\n", EnvArgs, "hr");

        twice.ShouldBe(once.Replace("key: API_KEY\n", "key: API_KEY\n              DB_PORT: \"5432\"\n", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("two controllers", "controllers:\n      wiki:\n        containers:\n          app:\n            image: {}\n      worker:\n        containers:\n          app:\n            image: {}\n", "'spec.values.controllers' has 2 entries, not one")]
    [InlineData("flow containers", "controllers:\n      wiki:\n        containers: {app: {image: x}}\n", "'spec.values.controllers.*.containers' is not a block mapping with entries")]
    [InlineData("list env", "controllers:\n      wiki:\n        containers:\n          app:\n            env:\n              - name: X\n                value: y\n", "'spec.values.controllers.*.containers.*.env' is not a block mapping with entries")]
    [InlineData("no controllers", "image: {}\n", "it has no 'spec.values.controllers'")]
    public void Values_of_another_shape_are_left_alone_and_the_message_gives_the_lines_to_add(string id, string values, string reason)
    {
        var text = $"kind: HelmRelease\nmetadata:\n  name: wiki\nspec:\n  values:\n    {values}";
        var file = EditableText.Decode(Encoding.UTF8.GetBytes(text), id);

        var error = Should.Throw<ManualEditException>(() => new HelmValuesInserter().Apply(file, Env, EnvArgs, "hr.yaml"));

        error.Partial.ShouldBeNull();
        error.Message.ShouldBe($"Add by hand to the HelmRelease wiki in hr.yaml, under spec.values.controllers.*.containers.*.env ({reason}):\n    API_KEY:\n      valueFrom:\n        secretKeyRef:\n          name: wiki-secrets\n          key: API_KEY");
    }

    [Fact]
    public void An_entry_with_other_content_is_kept_and_the_others_are_added()
    {
        var text = Release.Replace("      tag: \"${wiki_version}\"\n", "      tag: \"${wiki_version}\"\n            env:\n              API_KEY: set-by-hand\n", StringComparison.Ordinal) + "\n";
        var file = EditableText.Decode(Encoding.UTF8.GetBytes(text), "hr");

        var error = Should.Throw<ManualEditException>(() => new HelmValuesInserter().Apply(file, Env + "DB_PORT: \"5432\"\n", EnvArgs, "hr"));

        error.Partial.ShouldBe(text.Replace("API_KEY: set-by-hand\n", "API_KEY: set-by-hand\n              DB_PORT: \"5432\"\n", StringComparison.Ordinal));
        error.Message.ShouldStartWith("Add by hand to the HelmRelease wiki in hr, under spec.values.controllers.*.containers.*.env ('API_KEY' already there with other content, kept):\n    API_KEY:\n");
    }

    [Fact]
    public void The_same_entry_written_in_another_style_counts_as_there()
    {
        var text = Release.Replace("      tag: \"${wiki_version}\"\n", "      tag: \"${wiki_version}\"\n            env:\n              API_KEY: # by hand\n                valueFrom: {secretKeyRef: {name: \"wiki-secrets\", key: API_KEY}}\n", StringComparison.Ordinal) + "\n";
        var file = EditableText.Decode(Encoding.UTF8.GetBytes(text), "hr");

        new HelmValuesInserter().Apply(file, Env, EnvArgs, "hr").ShouldBe(text);
    }

    [Fact]
    public void Anchors_in_the_values_are_not_edited()
    {
        var text = "kind: HelmRelease\nmetadata:\n  name: wiki\nspec:\n  values:\n    common: &c\n      a: b\n    other: *c\n";
        var file = EditableText.Decode(Encoding.UTF8.GetBytes(text), "hr");

        Should.Throw<ManualEditException>(() => new HelmValuesInserter().Apply(file, Persistence, PersistenceArgs, "hr"))
            .Message.ShouldContain("'spec.values' uses YAML anchors or aliases");
    }

    /// <summary>The updated text with every line the original does not have removed (the inserter only adds whole lines).</summary>
    private static string RemoveAdded(string updated, string original)
    {
        var ending = original.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var kept = new List<string>();
        var source = original.Split(ending);
        var index = 0;
        foreach (var line in updated.Split(ending))
        {
            if (index < source.Length && line == source[index])
            {
                kept.Add(line);
                index++;
            }
        }

        return string.Join(ending, kept);
    }
}
