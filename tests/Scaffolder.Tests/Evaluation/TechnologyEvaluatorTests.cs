using Scaffolder.Core.Evaluation;
using Shouldly;
using Xunit;

namespace Scaffolder.Tests.Evaluation;

public sealed class TechnologyEvaluatorTests
{
    private readonly TechnologyEvaluator evaluator = new(StackCatalog.LoadDefault());

    [Fact]
    public void Redis_overlaps_Dragonfly()
    {
        var evaluation = evaluator.Evaluate("redis", null);

        var overlap = evaluation.Overlaps.ShouldHaveSingleItem();
        overlap.Layer.ShouldBe("Cache/KV");
        overlap.ExistingTechnology.ShouldBe("Dragonfly");
        overlap.MatchedAlias.ShouldBe("redis");
        overlap.Kind.ShouldBe(OverlapKind.Alternative);
        overlap.Reason.ShouldContain("Redis protocol");
        evaluation.HasOverlap.ShouldBeTrue();
        evaluation.ExitCode.ShouldBe(1);
    }

    [Fact]
    public void Minio_overlaps_Garage()
    {
        var overlap = evaluator.Evaluate("minio", null).Overlaps.ShouldHaveSingleItem();

        overlap.ExistingTechnology.ShouldBe("Garage");
        overlap.Layer.ShouldBe("Object Storage");
    }

    [Theory]
    [InlineData("vault")]
    [InlineData("sealed-secrets")]
    [InlineData("SOPS")]
    public void Secret_stores_overlap_ESO_and_SSM(string technology)
    {
        evaluator.Evaluate(technology, null).Overlaps.ShouldHaveSingleItem().ExistingTechnology.ShouldBe("ESO + AWS SSM");
    }

    [Theory]
    [InlineData("Valkey", "Dragonfly", "valkey")]
    [InlineData("victoria_metrics", "kube-prometheus-stack", "victoria-metrics")]
    [InlineData("Victoria Metrics", "kube-prometheus-stack", "victoria-metrics")]
    [InlineData("ARGO_CD", "Flux + ResourceSets", "argocd")]
    [InlineData("bitnami/postgresql", "CNPG (CloudNativePG)", "postgresql")]
    [InlineData("redis:7.2", "Dragonfly", "redis")]
    [InlineData("spotahome-redis-operator", "Dragonfly", "redis")]
    public void Names_are_normalised(string technology, string existing, string matched)
    {
        var overlap = evaluator.Evaluate(technology, null).Overlaps.ShouldHaveSingleItem();

        overlap.ExistingTechnology.ShouldBe(existing);
        overlap.MatchedAlias.ShouldBe(matched);
    }

    [Fact]
    public void An_existing_technology_overlaps_its_own_layer()
    {
        var overlap = evaluator.Evaluate("Longhorn", null).Overlaps.ShouldHaveSingleItem();

        overlap.Kind.ShouldBe(OverlapKind.Existing);
        overlap.Layer.ShouldBe("Storage");
        overlap.Reason.ShouldBe("Longhorn is already the Storage layer: Distributed block storage with S3 backup.");
    }

    [Fact]
    public void A_whole_name_match_wins_over_its_parts()
    {
        var overlap = evaluator.Evaluate("grafana-alloy", null).Overlaps.ShouldHaveSingleItem();

        overlap.Layer.ShouldBe("Logging");
    }

    [Fact]
    public void Unknown_technology_has_no_overlap_and_the_full_checklist()
    {
        var evaluation = evaluator.Evaluate("immich", null);

        evaluation.Overlaps.ShouldBeEmpty();
        evaluation.PossibleOverlaps.ShouldBeEmpty();
        evaluation.ExitCode.ShouldBe(0);
        evaluation.NonNegotiables.Count.ShouldBe(7);
        evaluation.Criteria.Count.ShouldBe(6);
        evaluation.Criteria.Sum(c => c.Questions.Count).ShouldBe(6 + 4 + 4 + 3 + 3 + 4);
    }

    [Fact]
    public void Purpose_gives_possible_overlaps_without_changing_the_exit_code()
    {
        var evaluation = evaluator.Evaluate("immich", "photo library with Postgres database and S3 buckets for backups");

        evaluation.ExitCode.ShouldBe(0);
        evaluation.PossibleOverlaps.Select(p => p.ExistingTechnology).ShouldBe(["Garage", "CNPG (CloudNativePG)"]);
        evaluation.PossibleOverlaps[0].MatchedCapabilities.ShouldBe(["s3", "bucket"]);
        evaluation.PossibleOverlaps[1].MatchedCapabilities.ShouldBe(["database", "postgres", "database backup"]);
    }

    [Fact]
    public void Possible_overlaps_skip_layers_already_overlapped()
    {
        var evaluation = evaluator.Evaluate("keydb", "key value cache for sessions");

        evaluation.Overlaps.ShouldHaveSingleItem().Layer.ShouldBe("Cache/KV");
        evaluation.PossibleOverlaps.ShouldBeEmpty();
    }

    [Fact]
    public void Blank_technology_is_rejected()
    {
        Should.Throw<ArgumentException>(() => evaluator.Evaluate("  ", null));
    }
}
