using System.Text;
using Scaffolder.Core;
using Scaffolder.Core.Planning;
using Shouldly;
using Xunit;

namespace Scaffolder.Tests.Planning;

/// <summary>The plan validator refuses what YamlDotNet's document loader refuses, without building documents.</summary>
public sealed class PlanValidatorTests
{
    private static void Validate(string yaml, string path = "out.yaml") =>
        PlanValidator.Validate(new Plan("/repo", [new PlannedChange(path, ChangeAction.Create, null, Encoding.UTF8.GetBytes(yaml), [])], []));

    [Theory]
    [InlineData("a: 1\nb:\n  c: [1, 2]\n  d:\n    - e: 1\n      f: 2\n    - e: 3\n      f: 4\n")]
    [InlineData("---\nkind: A\nmetadata:\n  name: x\n---\nkind: A\nmetadata:\n  name: y\n")]
    [InlineData("base: &b\n  x: 1\nother: *b\nlist:\n  - [a, [b, c]]\n  - {k: v, j: w}\n")]
    [InlineData("? [complex, key]\n: value\nplain: value\n")]
    [InlineData("")]
    public void Accepts_valid_yaml(string yaml) => Should.NotThrow(() => Validate(yaml));

    [Theory]
    [InlineData("a: 1\nb: 2\na: 3\n", "line 3")]
    [InlineData("outer:\n  - x: 1\n    y: 2\n    x: 3\n", "line 4")]
    [InlineData("m: {k: 1, k: 2}\n", "line 1")]
    [InlineData("a: *missing\n", "line 1")]
    [InlineData("---\nx: &one 1\n---\ny: *one\n", "line 4")]
    [InlineData("a: [unclosed\n", "line")]
    [InlineData("a: b: c\n", "line 1")]
    public void Refuses_what_would_not_load(string yaml, string where)
    {
        var error = Should.Throw<UserInputException>(() => Validate(yaml));
        error.Message.ShouldStartWith("generated out.yaml is not valid YAML");
        error.Message.ShouldContain(where);
    }

    [Theory]
    [InlineData("&x a: 1\n*x : 2\n", false)]
    [InlineData("? &k a\n: 1\n? *k\n: 2\n", false)]
    [InlineData("? [a]\n: 1\n? [a]\n: 2\n", false)]
    [InlineData("!!str a: 1\na: 2\n", true)]
    [InlineData("a: 1\n\"a\": 2\n", false)]
    public void Keys_that_are_aliases_collections_or_tagged_are_judged_like_the_document_loader(string yaml, bool loads)
    {
        // Reference: what YamlDotNet's loader (the validator before it read events) accepts.
        var loaderAccepts = true;
        try
        {
            new YamlDotNet.RepresentationModel.YamlStream().Load(new StringReader(yaml));
        }
        catch (YamlDotNet.Core.YamlException)
        {
            loaderAccepts = false;
        }

        loaderAccepts.ShouldBe(loads);
        if (loads)
        {
            Should.NotThrow(() => Validate(yaml));
        }
        else
        {
            Should.Throw<UserInputException>(() => Validate(yaml));
        }
    }

    [Fact]
    public void A_large_plan_reports_its_first_bad_file_in_plan_order()
    {
        // Large plans are validated on every core; the report must not depend on which thread finished first.
        var changes = Enumerable.Range(0, LargePlans.ParallelFrom * 2)
            .Select(i => new PlannedChange($"f{i:D4}.yaml", ChangeAction.Create, null, Encoding.UTF8.GetBytes(i is 300 or 400 ? "a: 1\na: 2\n" : $"n: {i}\n"), []))
            .ToList();
        Should.Throw<UserInputException>(() => PlanValidator.Validate(new Plan("/repo", changes, []))).Message.ShouldStartWith("generated f0300.yaml");
    }

    [Fact]
    public void Ignores_files_that_are_not_yaml() => Should.NotThrow(() => Validate("a: 1\na: 2\n", "versions.env"));
}
