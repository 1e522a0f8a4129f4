using Scaffolder.Core.Check.Hcl;

namespace Scaffolder.Tests.Check;

public sealed class HclBlockScannerTests
{
    [Fact]
    public void Finds_top_level_blocks_and_their_own_attributes_only()
    {
        const string text = """
            # variable "commented" {
            variable "a" {
              type = string
              default = "}{"
              validation {
                description = "nested, not the block's"
              }
            }
            /* output "hidden" { } */
            output "b" {
              value = <<-EOT
                } description = {
              EOT
              description = "B"
            }
            """;

        var blocks = HclBlockScanner.Scan(text);

        blocks.Select(b => $"{b.Type}:{b.Label}:{b.Line}").ShouldBe(["variable:a:2", "output:b:10"]);
        blocks[0].Attributes.ShouldBe(["type", "default"], ignoreOrder: true);
        blocks[1].Attributes.ShouldContain("description");
    }

    [Fact]
    public void Braces_in_string_templates_do_not_count_and_one_line_blocks_are_blocks()
    {
        const string text = """
            variable "a" {
              default = "${format("}%s", "{")}"
              description = "A"
            }
            variable "b" { description = "B" }
            output "c" {}
            """;

        var blocks = HclBlockScanner.Scan(text);

        blocks.Select(b => $"{b.Type}:{b.Label}:{b.Line}:{b.Column}").ShouldBe(["variable:a:1:1", "variable:b:5:1", "output:c:6:1"]);
        blocks[0].Attributes.ShouldBe(["default", "description"], ignoreOrder: true);
        blocks[1].Attributes.ShouldBe(["description"]);
        blocks[2].Attributes.ShouldBeEmpty();
    }

    [Fact]
    public void Never_fails_on_a_file_that_does_not_lex()
    {
        const string text = "variable \"a\" {\n  default = \"open\n  description = \"A\"\n}\noutput \"b\" { @ }\nlocals {\n  x = <<EOT\n  never closed\n";

        var blocks = HclBlockScanner.Scan(text);

        blocks.Select(b => $"{b.Type}:{b.Label}:{b.Line}").ShouldBe(["variable:a:1", "output:b:5"]);
        blocks[0].Attributes.ShouldBe(["default", "description"], ignoreOrder: true);
    }
}
