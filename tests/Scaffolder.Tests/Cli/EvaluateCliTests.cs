using System.Text.Json;

namespace Scaffolder.Tests.Cli;

/// <summary><c>scaffold evaluate</c> end to end: exit codes, text and JSON output.</summary>
public sealed class EvaluateCliTests
{
    [Fact]
    public void Redis_names_Dragonfly_and_exits_1()
    {
        using var repo = TestRepo.FromSample();

        var result = repo.Run("evaluate", "redis");

        result.ExitCode.ShouldBe(1, result.Error);
        result.Output.ShouldContain("OVERLAP");
        result.Output.ShouldContain("Cache/KV: Dragonfly (matched 'redis')");
        result.Output.ShouldContain("exit code 1");
    }

    [Fact]
    public void Minio_names_Garage_and_exits_1()
    {
        using var repo = TestRepo.FromSample();

        var result = repo.Run("evaluate", "minio");

        result.ExitCode.ShouldBe(1, result.Error);
        result.Output.ShouldContain("Garage");
    }

    [Fact]
    public void Unknown_technology_exits_0_with_the_checklist()
    {
        using var repo = TestRepo.FromSample();

        var result = repo.Run("evaluate", "frobnicator");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain("No overlap with an existing layer.");
        result.Output.ShouldContain("Non-negotiables:");
        result.Output.ShouldContain("Evaluation checklist:");
        foreach (var criterion in new[] { "Principle Alignment", "Stack Fit", "Operational Cost", "Complexity Budget", "Alternative Analysis", "Failure Modes" })
        {
            result.Output.ShouldContain(criterion);
        }
    }

    [Fact]
    public void Json_output_parses_and_carries_the_overlap()
    {
        using var repo = TestRepo.FromSample();

        var result = repo.Run("evaluate", "redis", "--format", "json", "--purpose", "session cache");

        result.ExitCode.ShouldBe(1, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        root.GetProperty("technology").GetString().ShouldBe("redis");
        root.GetProperty("purpose").GetString().ShouldBe("session cache");
        root.GetProperty("hasOverlap").GetBoolean().ShouldBeTrue();
        root.GetProperty("exitCode").GetInt32().ShouldBe(1);
        var overlap = root.GetProperty("overlaps").EnumerateArray().ShouldHaveSingleItem();
        overlap.GetProperty("existingTechnology").GetString().ShouldBe("Dragonfly");
        overlap.GetProperty("kind").GetString().ShouldBe("alternative");
        root.GetProperty("criteria").GetArrayLength().ShouldBe(6);
    }

    [Fact]
    public void Json_output_of_an_unknown_technology_parses_with_exit_0()
    {
        using var repo = TestRepo.FromSample();

        var result = repo.Run("evaluate", "frobnicator", "--format", "json");

        result.ExitCode.ShouldBe(0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        json.RootElement.GetProperty("hasOverlap").GetBoolean().ShouldBeFalse();
        json.RootElement.GetProperty("overlaps").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public void Repository_catalog_extension_is_honoured()
    {
        using var repo = TestRepo.FromSample();
        File.AppendAllText(repo.PathOf(".scaffold.yaml"), "\nevaluate:\n  layers:\n    - id: cache-kv\n      alternatives:\n        - name: frobnicator\n          reason: Dragonfly does what the frobnicator does.\n");

        var result = repo.Run("evaluate", "frobnicator");

        result.ExitCode.ShouldBe(1, result.Output + result.Error);
        result.Output.ShouldContain("Dragonfly does what the frobnicator does.");
    }
}
