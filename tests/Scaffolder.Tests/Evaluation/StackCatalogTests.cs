using Scaffolder.Core.Evaluation;
using Shouldly;
using Xunit;

namespace Scaffolder.Tests.Evaluation;

public sealed class StackCatalogTests
{
    private static readonly StackCatalog Catalog = StackCatalog.LoadDefault();

    [Fact]
    public void Default_catalog_has_every_layer_of_the_review_table()
    {
        Catalog.Layers.Select(l => (l.Layer, l.Technology)).ShouldBe(
        [
            ("OS", "Talos Linux"),
            ("GitOps", "Flux + ResourceSets"),
            ("CNI/Network", "Cilium"),
            ("Storage", "Longhorn"),
            ("Object Storage", "Garage"),
            ("Database", "CNPG (CloudNativePG)"),
            ("Cache/KV", "Dragonfly"),
            ("Monitoring", "kube-prometheus-stack"),
            ("Logging", "Alloy → Loki"),
            ("Certificates", "cert-manager"),
            ("Secrets", "ESO + AWS SSM"),
            ("Upgrades", "Tuppr"),
            ("Infrastructure", "Terragrunt + OpenTofu"),
            ("CI/CD", "GitHub Actions + OCI"),
        ]);
        Catalog.Layers.ShouldAllBe(l => l.Purpose.Length > 0 && l.Names.Count > 0 && l.Capabilities.Count > 0 && l.Alternatives.Count > 0);
        Catalog.Layers.ShouldAllBe(l => l.Capabilities.DistinctBy(c => string.Join(' ', NameKey.Words(c).Order())).Count() == l.Capabilities.Count);
    }

    [Fact]
    public void Default_catalog_has_at_least_sixty_aliases_each_with_a_reason()
    {
        var alternatives = Catalog.Layers.SelectMany(l => l.Alternatives).ToList();
        alternatives.Count.ShouldBeGreaterThanOrEqualTo(60);
        Catalog.AliasCount.ShouldBeGreaterThan(alternatives.Count);
        alternatives.ShouldAllBe(a => !string.IsNullOrWhiteSpace(a.Reason));
    }

    [Fact]
    public void Default_catalog_carries_the_non_negotiables_and_six_criteria_as_data()
    {
        Catalog.NonNegotiables.Select(n => n.Id).ShouldBe(
            ["flux-deployable", "bare-metal", "monitoring", "backup", "declarative-upgrades", "network-policy", "runbook"]);
        Catalog.Criteria.Select(c => c.Title).ShouldBe(
            ["Principle Alignment", "Stack Fit", "Operational Cost", "Complexity Budget", "Alternative Analysis", "Failure Modes"]);
        var principles = Catalog.Criteria[0];
        principles.Scoring.ShouldBe(["Strong", "Weak", "Neutral"]);
        principles.Questions.Select(q => q.Topic).ShouldBe(
            ["Enterprise at Home", "Everything as Code", "Automation is Key", "Learning First", "DRY and Code Reuse", "Continuous Improvement"]);
        Catalog.Criteria.SelectMany(c => c.Questions).Count(q => q.Automatic).ShouldBe(1);
        Catalog.NonNegotiables.ShouldAllBe(n => Catalog.Criteria.Any(c => c.Id == n.Criterion));
    }

    [Fact]
    public void Parse_rejects_a_name_claimed_by_two_layers()
    {
        const string yaml = """
            layers:
              - { id: a, layer: A, technology: X, names: [x], alternatives: [{ name: redis, reason: r }] }
              - { id: b, layer: B, technology: Y, names: [y], alternatives: [{ name: Redis, reason: r }] }
            """;

        Should.Throw<StackCatalogException>(() => StackCatalog.Parse(yaml)).Message.ShouldContain("'Redis'");
    }

    [Fact]
    public void Parse_rejects_an_alternative_without_a_reason()
    {
        const string yaml = """
            layers:
              - { id: a, layer: A, technology: X, alternatives: [{ name: redis }] }
            """;

        Should.Throw<StackCatalogException>(() => StackCatalog.Parse(yaml)).Message.ShouldContain("reason");
    }

    [Theory]
    [InlineData("layers: [ { id: a, unknownField: 1 } ]", "Invalid stack catalog at line 1: unknown layer key 'unknownField'")]
    [InlineData("layers:\n  - id: a\n    names: talos\n", "Invalid stack catalog at line 3: 'names' must be a list")]
    [InlineData("criteria:\n  - id: c\n    questions:\n      - id: q\n        automatic: maybe\n", "Invalid stack catalog at line 5: expected true or false, not 'maybe'")]
    [InlineData("layers: [ { id: a\n", "Invalid stack catalog at line 2:")]
    [InlineData("- a\n- b\n", "Invalid stack catalog at line 1: a catalog must be a mapping of keys")]
    public void Parse_reports_malformed_yaml_as_a_catalog_error_at_its_line(string yaml, string message)
    {
        Should.Throw<StackCatalogException>(() => StackCatalog.Parse(yaml)).Message.ShouldStartWith(message);
    }

    [Fact]
    public void An_override_with_empty_aliases_keeps_the_alternatives_aliases()
    {
        var settings = EvaluateSettings.FromScaffoldYaml("""
            evaluate:
              layers:
                - id: cache-kv
                  alternatives:
                    - name: redis
                      aliases:
                      reason: Dragonfly replaced Redis in 2024.
            """);

        var redis = Catalog.Extend(settings).Layers.Single(l => l.Id == "cache-kv").Alternatives.Single(a => a.Name == "redis");

        redis.Aliases.ShouldContain("bitnami redis");
        redis.Reason.ShouldBe("Dragonfly replaced Redis in 2024.");
    }

    [Fact]
    public void The_evaluate_section_refuses_unknown_keys_and_ignores_the_other_sections()
    {
        Should.Throw<StackCatalogException>(() => EvaluateSettings.FromScaffoldYaml("project: x\nevaluate:\n  layer: []\n"))
            .Message.ShouldBe("Invalid .scaffold.yaml evaluate section at line 3: unknown evaluate section key 'layer'");
        EvaluateSettings.FromScaffoldYaml("templates: {path: x, anything: [1, {a: b}]}\nevaluate:\n").Layers.ShouldBeEmpty();
    }

    [Fact]
    public void Extend_adds_a_layer_and_overrides_an_alias()
    {
        var settings = EvaluateSettings.FromScaffoldYaml("""
            project: homelab
            templates:
              path: ./templates
            evaluate:
              layers:
                - layer: Messaging
                  technology: NATS
                  purpose: Message bus
                  names: [nats]
                  capabilities: [message queue, pub sub]
                  alternatives:
                    - name: rabbitmq
                      reason: NATS JetStream already queues messages.
                    - name: garnet
                      reason: We use Garnet's pub/sub as a bus.
                - id: cache-kv
                  alternatives:
                    - name: redis
                      reason: Dragonfly replaced Redis in 2024.
            other: [1, 2]
            """);

        var extended = StackCatalog.LoadDefault().Extend(settings);

        var messaging = extended.Layers[^1];
        messaging.Id.ShouldBe("messaging");
        messaging.Technology.ShouldBe("NATS");
        messaging.Alternatives.Select(a => a.Name).ShouldBe(["rabbitmq", "garnet"]);

        var cache = extended.Layers.Single(l => l.Id == "cache-kv");
        var redis = cache.Alternatives.Single(a => a.Name == "redis");
        redis.Reason.ShouldBe("Dragonfly replaced Redis in 2024.");
        redis.Aliases.ShouldContain("bitnami redis");
        cache.Alternatives.ShouldNotContain(a => a.Name == "garnet");

        var evaluator = new TechnologyEvaluator(extended);
        evaluator.Evaluate("garnet", null).Overlaps.Single().Layer.ShouldBe("Messaging");
        evaluator.Evaluate("RabbitMQ", null).Overlaps.Single().ExistingTechnology.ShouldBe("NATS");
        evaluator.Evaluate("redis", null).Overlaps.Single().Reason.ShouldBe("Dragonfly replaced Redis in 2024.");
        Catalog.Layers.Count.ShouldBe(14);
    }

    [Fact]
    public void Extend_overrides_scalar_fields_of_a_layer_matched_by_name()
    {
        var extended = Catalog.Extend(new EvaluateSettings
        {
            Layers = [new LayerDefinition { Layer = "cache/kv", Technology = "Valkey", Names = ["valkey"] }],
        });

        var cache = extended.Layers.Single(l => l.Id == "cache-kv");
        cache.Technology.ShouldBe("Valkey");
        cache.Alternatives.ShouldNotContain(a => a.Name == "valkey");
        new TechnologyEvaluator(extended).Evaluate("valkey", null).Overlaps.Single().Kind.ShouldBe(OverlapKind.Existing);
    }

    [Fact]
    public void Extend_rejects_a_new_layer_without_a_technology()
    {
        Should.Throw<StackCatalogException>(() => Catalog.Extend(new EvaluateSettings { Layers = [new LayerDefinition { Layer = "Messaging" }] }));
    }

    [Fact]
    public void Settings_are_empty_when_the_scaffold_file_has_no_evaluate_section()
    {
        EvaluateSettings.FromScaffoldYaml("project: homelab\n").Layers.ShouldBeEmpty();
        EvaluateSettings.FromScaffoldYaml(string.Empty).Layers.ShouldBeEmpty();
    }
}
