using System.Text;
using Scaffolder.Core.Text;

namespace Scaffolder.Tests.Safety;

/// <summary>
/// ADR slugs keep accented letters as their base letter in the shipped tool, which runs with invariant globalization
/// (where string normalization does not decompose them).
/// </summary>
public sealed class SlugTests
{
    [Theory]
    [InlineData("Use café", "0001-use-cafe.md")]
    [InlineData("Ærøskøbing Straße für Łódź", "0001-aeroskobing-strasse-fur-lodz.md")]
    public void The_built_tool_folds_accents_in_adr_slugs(string title, string file)
    {
        using var repo = TestRepo.FromSample();
        var result = BuiltCli.Run(repo.Root, ["new", "adr", title, "--dry-run"], TimeSpan.FromSeconds(60));
        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain($"docs/architecture/decisions/{file}");
    }

    [Theory]
    [InlineData("Use café", "use-cafe")]
    [InlineData("Use cafe\u0301 (decomposed)", "use-cafe-decomposed")]
    [InlineData("Straße", "strasse")]
    [InlineData("Ærøskøbing", "aeroskobing")]
    [InlineData("Łódź × Œuvre ÷ Ĳssel", "lodz-oeuvre-ijssel")]
    [InlineData("Þingvellir Ðorđe", "thingvellir-dorde")]
    [InlineData("日本語 only", "only")]
    public void Latin_letters_fold_to_their_base_letters(string title, string slug) => Slug.Of(title).ShouldBe(slug);

    [Fact]
    public void The_fold_table_agrees_with_unicode_decomposition()
    {
        // The test process has full globalization: where Unicode decomposes a letter canonically, the table must give
        // its base letter.
        var checkedLetters = 0;
        for (var c = '\u00C0'; c <= '\u017F'; c++)
        {
            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            if (decomposed.Length > 1 && char.IsAsciiLetter(decomposed[0]))
            {
                Slug.Of(c.ToString()).ShouldBe(char.ToLowerInvariant(decomposed[0]).ToString(), $"U+{(int)c:X4} {c}");
                checkedLetters++;
            }
        }

        checkedLetters.ShouldBeGreaterThan(150);
    }
}
