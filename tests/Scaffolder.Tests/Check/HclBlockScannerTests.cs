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
}
