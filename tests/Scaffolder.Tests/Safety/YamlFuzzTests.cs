using System.Text;
using Scaffolder.Core;
using Scaffolder.Core.Config;
using Scaffolder.Core.Editing;
using Scaffolder.Core.IO;
using Scaffolder.Core.Templates;
using Scaffolder.Core.Text;
using Scaffolder.Core.Yaml;

namespace Scaffolder.Tests.Safety;

/// <summary>
/// Every failure to read mutated YAML is a user error (exit 2, one line), never another exception: real inputs (the
/// sample's configuration, built-in template.yaml files, a values file and an edited ResourceSet) are mutated at random
/// with the characters YAML gives meaning to, and read by the readers the tool uses for each.
/// </summary>
public sealed class YamlFuzzTests
{
    private const string Significant = "[]{}:,-?&*!|>'\"#%@`\t\n \\.~0";

    public static TheoryData<string> Sources => new() { "config", "template.yaml", "values", "edited file" };

    [Theory]
    [MemberData(nameof(Sources))]
    public void Mutated_yaml_is_read_or_refused_with_a_user_error(string source)
    {
        var original = source switch
        {
            "config" => File.ReadAllText(Path.Combine(TestRepo.SampleRoot, ".scaffold.yaml")) + ConfigLoader.DefaultsText,
            "template.yaml" => File.ReadAllText(Path.Combine(TestRepo.SourceRoot, "templates", "app", "template.yaml")),
            "values" => "- name: wiki\n  port: 8080\n  volume: [data:1Gi, cache:2Gi]\n  route: internal\n- name: blog\n  database: true\n  secret:\n    - API_TOKEN\n",
            _ => File.ReadAllText(Path.Combine(TestRepo.SampleRoot, "kubernetes", "clusters", "live", "apps", "apps-resourceset.yaml")),
        };
        using var repo = TestRepo.Empty();
        var random = new Random(source.Length * 7919);
        var unexpected = new List<string>();
        for (var i = 0; i < 250; i++)
        {
            var text = new StringBuilder(original);
            for (var edits = random.Next(1, 6); edits > 0; edits--)
            {
                var at = random.Next(text.Length);
                switch (random.Next(3))
                {
                    case 0: text.Insert(at, Significant[random.Next(Significant.Length)]); break;
                    case 1: text.Remove(at, Math.Min(random.Next(1, 4), text.Length - at)); break;
                    default: text[at] = Significant[random.Next(Significant.Length)]; break;
                }
            }

            try
            {
                Read(source, text.ToString(), repo);
            }
            catch (UserInputException ex)
            {
                if (ex.Message.Contains('\n', StringComparison.Ordinal))
                {
                    unexpected.Add($"mutation {i}: a message of more than one line: {ex.Message}");
                }
            }
            catch (Exception ex)
            {
                unexpected.Add($"mutation {i}: {ex.GetType().Name}: {ex.Message.Split('\n')[0]}\n{text}");
            }
        }

        unexpected.ShouldBeEmpty(string.Join("\n----\n", unexpected.Take(3)));
    }

    private static void Read(string source, string text, TestRepo repo)
    {
        switch (source)
        {
            case "config":
                File.WriteAllText(repo.PathOf(".scaffold.yaml"), text);
                new ConfigLoader(PhysicalFileSystem.Instance).Load(repo.Root);
                break;
            case "template.yaml":
                TemplateYamlReader.Read(text, "templates/app/template.yaml");
                break;
            case "values":
                YamlTree.Load(text, "values.yaml");
                break;
            default:
                var file = EditableText.Decode(Encoding.UTF8.GetBytes(text), "apps-resourceset.yaml");
                new YamlListItemInserter("resourceset-input").Apply(file, "name: demo\npath: a/demo\n", new Dictionary<string, string> { ["kind"] = "ResourceSet", ["path"] = "spec.inputs", ["match"] = "name" }, "apps-resourceset.yaml");
                break;
        }
    }
}
