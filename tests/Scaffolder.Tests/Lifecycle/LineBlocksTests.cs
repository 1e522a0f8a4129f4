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
    [InlineData("c:\n  env:\n    A:\n      k: v\n    B: 2\n  x: 1\n", "c:\n  env:\n    B: 2\n  x: 1\n")]
    [InlineData("c:\n  env:\n    A:\n      k: v\n\n    # by hand\n    B: 2\n", "c:\n  env:\n\n    # by hand\n    B: 2\n")]
    [InlineData("c:\n  env:\n    A:\n      k: v\n  x: 1\n", "c:\n  x: 1\n")]
    [InlineData("v:\n  p:\n    a:\n      k: v\n    b:\n      k: w\n", "v:\n  p:\n    b:\n      k: w\n")]
    public void A_mapping_the_block_opened_stays_while_other_entries_are_under_it(string text, string expected) =>
        // secret a opened env: with its entry and secret b added its own below it: removing a keeps env: for b.
        LineBlocks.Remove(text, text.Contains("p:", StringComparison.Ordinal) ? ["  p:", "    a:", "      k: v"] : ["  env:", "    A:", "      k: v"]).ShouldBe(expected);

    [Theory]
    [InlineData("a\nc\nc\n", "c")]
    [InlineData("a\nb\n", "c")]
    [InlineData("a\n  c\n", "c")]
    public void Remove_refuses_a_missing_or_repeated_block(string text, string block) =>
        LineBlocks.Remove(text, block.Split('|')).ShouldBeNull();
}
