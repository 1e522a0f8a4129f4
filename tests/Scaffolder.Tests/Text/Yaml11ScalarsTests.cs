using System.Text;
using System.Text.RegularExpressions;
using Scaffolder.Core.Text;
using Shouldly;
using Xunit;

namespace Scaffolder.Tests.Text;

/// <summary>
/// <see cref="Yaml11Scalars"/> replaced a regular expression (kept here as the oracle): every value must be judged the
/// same way, on hand-picked edge cases and on random strings over the characters that matter.
/// </summary>
public sealed partial class Yaml11ScalarsTests
{
    [Theory]
    [InlineData("yes", true)]
    [InlineData("Off", true)]
    [InlineData("~", true)]
    [InlineData("NULL", true)]
    [InlineData("010", true)]
    [InlineData("0o17", true)]
    [InlineData("0x1F_a", true)]
    [InlineData("-0b1_0", true)]
    [InlineData("1.10", true)]
    [InlineData(".", true)]
    [InlineData("+.5e-3", true)]
    [InlineData("1_000e5", true)]
    [InlineData("-.inf", true)]
    [InlineData("+.NaN", true)]
    [InlineData("2024-01-01", true)]
    [InlineData("2024-1-1T10:00", true)]
    [InlineData("2024-01-01 x", true)]
    [InlineData("yes\n", true)]
    [InlineData("yess", false)]
    [InlineData("09", false)]
    [InlineData("0x", false)]
    [InlineData("1e", false)]
    [InlineData("_1", false)]
    [InlineData("+~", false)]
    [InlineData("2024-01-011", false)]
    [InlineData("2024-001-01", false)]
    [InlineData("2024-01-01T\n\n", false)]
    [InlineData("v1.2", false)]
    [InlineData("demo", false)]
    [InlineData("", false)]
    public void Judges_edge_cases_like_the_regex(string value, bool expected)
    {
        Oracle().IsMatch(value).ShouldBe(expected, "the oracle itself");
        Yaml11Scalars.IsNonString(value).ShouldBe(expected);
    }

    [Fact]
    public void Agrees_with_the_regex_on_random_values()
    {
        const string alphabet = "0123456789_.eE+-oxbBafFT t:~\nyesnoYNulrNaIi";
        var random = new Random(20261122);
        var builder = new StringBuilder();
        var disagreements = new List<string>();
        var nonStrings = 0;
        for (var n = 0; n < 200_000; n++)
        {
            builder.Clear();
            var length = random.Next(0, 12);
            for (var i = 0; i < length; i++)
            {
                builder.Append(alphabet[random.Next(alphabet.Length)]);
            }

            // Bias towards number- and date-shaped values, where the rules are subtle.
            if (n % 3 == 0)
            {
                builder.Insert(0, n % 2 == 0 ? "20" : "0");
            }

            var value = builder.ToString();
            var expected = Oracle().IsMatch(value);
            nonStrings += expected ? 1 : 0;
            if (Yaml11Scalars.IsNonString(value) != expected)
            {
                disagreements.Add($"'{value.Replace("\n", "\\n", StringComparison.Ordinal)}' (regex: {expected})");
            }
        }

        nonStrings.ShouldBeGreaterThan(5_000, "the corpus must exercise the non-string side too");
        disagreements.ShouldBeEmpty(string.Join(", ", disagreements.Take(20)));
    }

    /// <summary>The regular expression <see cref="Yaml11Scalars"/> replaced, verbatim.</summary>
    [GeneratedRegex(@"^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|[-+]?(0|[1-9][0-9_]*|0[0-7_]+|0o[0-7]+|0x[0-9a-fA-F_]+|0b[01_]+|([0-9][0-9_]*)?\.[0-9_]*([eE][-+]?[0-9]+)?|[0-9][0-9_]*[eE][-+]?[0-9]+|\.(inf|Inf|INF)|\.(nan|NaN|NAN))|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Oracle();
}
