using Scaffolder.Core.Hcl;

namespace Scaffolder.Tests.Hcl;

public sealed class HclFormatterTests
{
    [Fact]
    public void Aligns_consecutive_attributes_one_column_after_the_longest_name()
    {
        HclFormatter.AlignAttributes("a = 1\nlonger_name   =    \"x\"\n\"quoted-key\" = 2\n")
            .ShouldBe("a            = 1\nlonger_name  = \"x\"\n\"quoted-key\" = 2\n");
    }

    [Fact]
    public void Blank_lines_comments_blocks_and_multi_line_openers_end_a_chain()
    {
        const string input = """
            run "x" {
              command = plan
              providers = {
                aws = aws.mock
              }
              expect_failures = [var.name]

              ab = 1
              # comment
              abcdef = 2
              condition = a == b && c >= d
              xy = [for k, v in var.m : k => v if v != "{"]
            }
            """;

        HclFormatter.AlignAttributes(input).ShouldBe("""
            run "x" {
              command = plan
              providers = {
                aws = aws.mock
              }
              expect_failures = [var.name]

              ab = 1
              # comment
              abcdef    = 2
              condition = a == b && c >= d
              xy        = [for k, v in var.m : k => v if v != "{"]
            }
            """);
    }

    [Fact]
    public void A_heredoc_belongs_to_its_line_and_its_body_is_untouched()
    {
        const string input = "  description = <<-EOT\n    body = kept   as is\n  EOT\n  type = string\n";

        HclFormatter.AlignAttributes(input).ShouldBe("  description = <<-EOT\n    body = kept   as is\n  EOT\n  type        = string\n");
    }

    [Fact]
    public void Keeps_crlf_line_endings()
    {
        HclFormatter.AlignAttributes("a = 1\r\nbcd = 2\r\n").ShouldBe("a   = 1\r\nbcd = 2\r\n");
    }
}
