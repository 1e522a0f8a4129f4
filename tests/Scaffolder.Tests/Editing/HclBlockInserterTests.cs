using System.Text;
using Scaffolder.Core;
using Scaffolder.Core.Editing;
using Scaffolder.Core.Text;

namespace Scaffolder.Tests.Editing;

/// <summary>The HCL block inserter finds an existing block by the file's tokens: text in comments and heredocs is not a block.</summary>
public sealed class HclBlockInserterTests
{
    private const string Block = "unit \"demo\" {\n  source = \"../../units/demo\"\n  path   = \"demo\"\n}\n";

    public static TheoryData<string, string> NotABlock => new()
    {
        { "block comment", "locals {\n  name = \"live\"\n}\n/*\nunit \"demo\" {\n  source = \"../../units/old\"\n}\n*/\n" },
        { "block comment on one line", "locals {\n  name = \"live\"\n}\n/* unit \"demo\" { } */\n" },
        { "line comments", "# unit \"demo\" {\n//   unit \"demo\" {\nlocals {\n  name = \"live\"\n}\n" },
        { "heredoc", "locals {\n  doc = <<-EOT\n    unit \"demo\" {\n    }\n  EOT\n}\n" },
        { "string", "locals {\n  doc = \"unit \\\"demo\\\" {\"\n}\n" },
        { "other label", "unit \"demo-old\" {\n  source = \"x\"\n}\n" },
        { "other block type", "stack \"demo\" {\n  source = \"x\"\n}\n" },
    };

    [Theory]
    [MemberData(nameof(NotABlock))]
    public void A_header_that_is_not_a_top_level_block_does_not_count(string what, string original)
    {
        var updated = Insert(original);

        updated.ShouldBe(original + "\n" + Block, what);
        Insert(updated).ShouldBe(updated, what);
    }

    [Theory]
    [InlineData("unit \"demo\" {\n  source = \"x\"\n}\n")]
    [InlineData("locals {\n}\n\n  unit   \"demo\"   {\n  source = \"x\"\n}\n")]
    [InlineData("unit \"demo\" { source = \"x\" }\n")]
    [InlineData("# header\nunit \"demo\" /* the app */ {\n}\n")]
    public void A_block_with_the_same_header_leaves_the_file_unchanged(string original)
    {
        Insert(original).ShouldBe(original);
    }

    [Theory]
    [InlineData("locals {\n  name = \"live\n}\n", "stack.hcl:2: unterminated string")]
    [InlineData("locals {\n}\n/*\nunit \"x\" {\n}\n", "stack.hcl:3: unterminated /* comment")]
    [InlineData("locals {\n  doc = <<EOT\n  body\n}\n", "stack.hcl:2: unterminated heredoc")]
    public void A_file_that_does_not_lex_is_refused_naming_the_line(string original, string message)
    {
        // Appending to a file that ends inside a comment or heredoc would put the block inside it.
        Should.Throw<UserInputException>(() => Insert(original)).Message.ShouldStartWith(message);
    }

    private static string Insert(string original) =>
        new HclBlockInserter().Apply(EditableText.Decode(Encoding.UTF8.GetBytes(original), "stack.hcl"), Block, new Dictionary<string, string>(), "stack.hcl");
}
