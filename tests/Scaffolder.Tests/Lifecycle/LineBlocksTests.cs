using Scaffolder.Core.Lifecycle;

namespace Scaffolder.Tests.Lifecycle;

public sealed class LineBlocksTests
{
    [Theory]
    [InlineData("a\nb\n", "a\nx\ny\nb\n", "x|y")]
    [InlineData("a\nb", "a\nb\nc", "c")]
    [InlineData("a\r\nb\r\n", "a\r\nb\r\nc\r\n", "c")]
    [InlineData("a\nb\n", "a\nB\n", "")]
    [InlineData("a\n", "a\n", "")]
    public void Inserted_finds_the_one_inserted_block(string before, string after, string expected) =>
        string.Join('|', LineBlocks.Inserted(before, after).Lines).ShouldBe(expected);

    [Theory]
    [InlineData("a\nx\ny\nb\n", "x|y", "a\nb\n")]
    [InlineData("a\nb\nc", "c", "a\nb")]
    [InlineData("a\r\nc\r\nb\r\n", "c", "a\r\nb\r\n")]
    [InlineData("\uFEFFa\nc\n", "c", "\uFEFFa\n")]
    public void Remove_takes_out_exactly_the_block(string text, string block, string expected) =>
        LineBlocks.Remove(text, block.Split('|')).ShouldBe(expected);

    [Fact]
    public void An_entry_that_opened_an_empty_list_closes_it_again_when_it_was_the_last()
    {
        var block = LineBlocks.Inserted("spec:\n  inputs: []\n  other: 1\n", "spec:\n  inputs:\n    - name: one\n  other: 1\n");
        block.Lines.ShouldBe(["    - name: one"]);
        block.Opened.ShouldBe("  inputs:");
        block.Emptied.ShouldBe("  inputs: []");

        LineBlocks.Remove("spec:\n  inputs:\n    - name: one\n  other: 1\n", block.Lines, block.Opened, block.Emptied).ShouldBe("spec:\n  inputs: []\n  other: 1\n");
        LineBlocks.Remove("spec:\n  inputs:\n    - name: one\n    - name: two\n", block.Lines, block.Opened, block.Emptied).ShouldBe("spec:\n  inputs:\n    - name: two\n");
    }

    [Theory]
    [InlineData("a\nc\nc\n", "c")]
    [InlineData("a\nb\n", "c")]
    [InlineData("a\n  c\n", "c")]
    public void Remove_refuses_a_missing_or_repeated_block(string text, string block) =>
        LineBlocks.Remove(text, block.Split('|')).ShouldBeNull();
}
