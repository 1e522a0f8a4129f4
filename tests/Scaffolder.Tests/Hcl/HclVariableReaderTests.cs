using Scaffolder.Core;
using Scaffolder.Core.Hcl;
using Scaffolder.Core.IO;

namespace Scaffolder.Tests.Hcl;

public sealed class HclVariableReaderTests
{
    private static HclVariable Single(string text) => HclVariableReader.Read(text, "variables.tf").ShouldHaveSingleItem();

    [Fact]
    public void Reads_name_type_description_and_default()
    {
        var variable = Single("""
            variable "keys" {
              description = "Secret keys to generate."
              type        = list(string)
              default     = ["password"]
            }
            """);

        variable.Name.ShouldBe("keys");
        variable.Type.ShouldBe("list(string)");
        variable.Description.ShouldBe("Secret keys to generate.");
        variable.Default.ShouldBe("[\"password\"]");
        variable.Required.ShouldBeFalse();
        variable.Line.ShouldBe(1);
    }

    [Fact]
    public void A_variable_without_default_is_required_and_default_null_is_optional()
    {
        var variables = HclVariableReader.Read("""
            variable "a" {
              type = string
            }

            variable "b" {
              type    = string
              default = null
            }
            """, "v.tf");

        variables.Select(v => (v.Name, v.Required)).ShouldBe([("a", true), ("b", false)]);
        variables[1].Default.ShouldBe("null");
        variables[1].Line.ShouldBe(5);
    }

    [Fact]
    public void Skips_all_three_comment_kinds_including_a_commented_out_variable()
    {
        var variables = HclVariableReader.Read("""
            # variable "hash" { type = string }
            // variable "slashes" { type = string }
            /*
            variable "block" {
              type = string
            }
            */
            variable "real" { # trailing hash
              type = string // trailing slashes
              /* inline */ description = "Real."
            }
            """, "v.tf");

        var variable = variables.ShouldHaveSingleItem();
        variable.Name.ShouldBe("real");
        variable.Type.ShouldBe("string");
        variable.Description.ShouldBe("Real.");
        variable.Line.ShouldBe(8);
    }

    [Fact]
    public void Keeps_a_multi_line_object_type_with_comments_dedented()
    {
        var variable = Single("""
            variable "secrets" {
              type = map(object({
                length  = number # characters
                special = optional(bool, false)
              }))
              description = "After the type."
            }
            """);

        variable.Type.ShouldBe("map(object({\n  length  = number # characters\n  special = optional(bool, false)\n}))");
        variable.Description.ShouldBe("After the type.");
        variable.Required.ShouldBeTrue();
    }

    [Fact]
    public void Decodes_a_flush_heredoc_description()
    {
        var variable = Single("""
            variable "path" {
              description = <<-EOT
                First line,
                  indented "second" line with ${template} and $${escaped}.
              EOT
              type = string
            }
            """);

        variable.Description.ShouldBe("First line,\n  indented \"second\" line with ${template} and ${escaped}.");
        variable.Type.ShouldBe("string");
    }

    [Fact]
    public void Decodes_a_plain_heredoc_keeping_indentation()
    {
        var variable = Single("variable \"x\" {\n  description = <<EOT\n  kept\nEOT\n  type = number\n}\n");

        variable.Description.ShouldBe("  kept");
        variable.Type.ShouldBe("number");
    }

    [Fact]
    public void Decodes_string_escapes_and_keeps_templates_with_nested_quotes()
    {
        var variable = Single("""
            variable "x" {
              description = "Quote \" backslash \\ tab\t e\u00e9 $${literal} ${lookup(var.m, "k", "}")} // not a comment # nor this"
              type        = string
            }
            """);

        variable.Description.ShouldBe("Quote \" backslash \\ tab\t eé ${literal} ${lookup(var.m, \"k\", \"}\")} // not a comment # nor this");
    }

    [Fact]
    public void Reads_one_line_blocks_validation_blocks_and_sensitive()
    {
        var variables = HclVariableReader.Read("""
            variable "short" { type = string }

            variable "token" {
              type      = string
              sensitive = true

              validation {
                condition     = length(var.token) > 10 && !startswith(var.token, "{")
                error_message = "Too short {really}."
              }

              validation {
                condition     = var.token != ""
                error_message = "Empty."
              }
            }
            """, "v.tf");

        variables[0].Type.ShouldBe("string");
        variables[1].Sensitive.ShouldBeTrue();
        variables[1].ValidationCount.ShouldBe(2);
    }

    [Fact]
    public void Ignores_other_blocks_and_nested_variable_blocks()
    {
        var variables = HclVariableReader.Read("""
            locals {
              variable = "not a block"
            }

            resource "aws_ssm_parameter" "p" {
              dynamic "variable" {
                for_each = []
                content {}
              }
            }

            variable "only" {
              type = bool
            }
            """, "main.tf");

        variables.ShouldHaveSingleItem().Name.ShouldBe("only");
    }

    [Fact]
    public void Reads_crlf_files_with_a_byte_order_mark()
    {
        var variables = HclVariableReader.Read("\uFEFFvariable \"a\" {\r\n  description = <<-EOT\r\n    One.\r\n    Two.\r\n  EOT\r\n  type = object({\r\n    x = string\r\n  })\r\n}\r\n", "v.tf");

        var variable = variables.ShouldHaveSingleItem();
        variable.Description.ShouldBe("One.\nTwo.");
        variable.Type.ShouldBe("object({\n  x = string\n})");
    }

    [Theory]
    [InlineData("variable \"x\" {\n  description = \"open\n}\n", 2, "unterminated string")]
    [InlineData("variable \"x\" {\n  description = <<-EOT\n    text\n}\n", 2, "unterminated heredoc")]
    [InlineData("variable \"x\" {\n  type = string\n", 1, "never closed")]
    [InlineData("variable \"x\" {\n  type = map(object({\n    a = string\n  })\n}\n", 5, "expected ')' to close the '(' of line 2")]
    [InlineData("variable \"x\" {\n  type =\n}\n", 2, "no value")]
    [InlineData("/* open\nvariable \"x\" {}\n", 1, "unterminated /* comment")]
    [InlineData("variable \"x\" {\n  type = string\n}\n}\n", 4, "unexpected }")]
    [InlineData("variable \"x\" {\n  type = string ;\n}\n", 2, "unexpected character ';'")]
    [InlineData("variable \"x\" \"y\" {\n}\n", 1, "exactly one label")]
    [InlineData("variable \"x\" {\n  description = \"bad \\q escape\"\n}\n", 2, "invalid escape")]
    public void Unreadable_input_names_file_and_line(string text, int line, string message)
    {
        var error = Should.Throw<UserInputException>(() => HclVariableReader.Read(text, "infrastructure/modules/m/variables.tf"));

        error.Message.ShouldStartWith($"infrastructure/modules/m/variables.tf:{line}: ");
        error.Message.ShouldContain(message);
    }

    [Fact]
    public void Reads_the_tricky_sample_module()
    {
        var directory = Path.Combine(TestRepo.SampleRoot, "infrastructure", "modules", "app-secrets");
        var variables = HclVariableReader.ReadModule(PhysicalFileSystem.Instance, directory, "infrastructure/modules/app-secrets");

        variables.Select(v => v.Name).ShouldBe(["name", "ssm_parameter_path", "local_backup_path", "secrets", "tags"]);
        variables.Select(v => v.Required).ShouldBe([true, true, true, false, false]);
        variables[0].Description.ShouldBe("Application name; the secret is stored under ssm_parameter_path.");
        variables[1].Description.ShouldBe("SSM parameter that receives the JSON SecureString,\ne.g. \"/homelab/kubernetes/live/<app>-secrets\" (not a ${template}).");
        variables[1].ValidationCount.ShouldBe(1);
        variables[2].Sensitive.ShouldBeTrue();
        variables[2].Description.ShouldBe("Local JSON backup of the generated values \"outside git\"; ${HOME} is not expanded here.");
        variables[3].Type!.Split('\n').Length.ShouldBe(5);
        variables[3].Default.ShouldBe("{\n  password = {\n    length = 32\n  }\n}");
        variables.ShouldAllBe(v => v.File == "infrastructure/modules/app-secrets/variables.tf");
    }

    [Fact]
    public void A_variable_declared_in_two_files_is_an_error_naming_both()
    {
        using var repo = TestRepo.Empty();
        repo.Write("m/a.tf", "variable \"x\" {\n  type = string\n}\n");
        repo.Write("m/b.tf", "\nvariable \"x\" {\n  type = number\n}\n");

        var error = Should.Throw<UserInputException>(() => HclVariableReader.ReadModule(PhysicalFileSystem.Instance, repo.PathOf("m"), "m"));

        error.Message.ShouldBe("m/b.tf:2: variable 'x' is already declared at m/a.tf:1");
    }

    [Fact]
    public void A_folder_without_tf_files_is_an_error()
    {
        using var repo = TestRepo.Empty();
        repo.Write("m/README.md", "no module here");

        Should.Throw<UserInputException>(() => HclVariableReader.ReadModule(PhysicalFileSystem.Instance, repo.PathOf("m"), "m"))
            .Message.ShouldBe("module folder m has no .tf files");
        Should.Throw<UserInputException>(() => HclVariableReader.ReadModule(PhysicalFileSystem.Instance, repo.PathOf("missing"), "missing"))
            .Message.ShouldBe("module folder missing does not exist");
    }
}
