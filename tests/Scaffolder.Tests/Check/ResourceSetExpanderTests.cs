using Scaffolder.Core.Check.Flux;
using Scaffolder.Core.Yaml;

namespace Scaffolder.Tests.Check;

/// <summary>The offline ResourceSet expansion behind the Flux model: the template subset these repositories use.</summary>
public sealed class ResourceSetExpanderTests
{
    private static readonly Dictionary<string, object?> Inputs = new(StringComparer.Ordinal)
    {
        ["name"] = "miniflux",
        ["path"] = "kubernetes/clusters/live/apps/miniflux",
        ["dependsOn"] = new List<object?> { "cloudnative-pg", "secret-generator" },
        ["replicas"] = 2L,
        ["values"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["b"] = "x: y", ["a"] = 1L },
    };

    [Theory]
    [InlineData("<< inputs.name >>", "miniflux")]
    [InlineData("<< inputs.missing >>", "")]
    [InlineData("<< inputs.missing | default \"none\" >>", "none")]
    [InlineData("<< inputs.name | default \"none\" >>", "miniflux")]
    [InlineData("<< inputs.name | quote >>", "\"miniflux\"")]
    [InlineData("<< inputs.name | upper >>", "MINIFLUX")]
    [InlineData("<< printf \"%s-%d\" inputs.name inputs.replicas >>", "miniflux-2")]
    [InlineData("<< if inputs.dependsOn >>yes<< else >>no<< end >>", "yes")]
    [InlineData("<< if eq inputs.name \"other\" >>a<< else if eq inputs.name \"miniflux\" >>b<< else >>c<< end >>", "b")]
    [InlineData("<< range $i, $d := inputs.dependsOn >>[<< $i >>:<< $d >>]<< end >>", "[0:cloudnative-pg][1:secret-generator]")]
    [InlineData("<< range inputs.missing >>x<< else >>empty<< end >>", "empty")]
    [InlineData("a\n  <<- if true >>\n  b\n  <<- end >>", "a\n  b")]
    [InlineData("<< with inputs.values >><< .a >><< end >>", "1")]
    [InlineData("<< toYaml inputs.values | nindent 2 >>", "\n  a: 1\n  b: \"x: y\"")]
    [InlineData("<< /* a comment */ >>x", "x")]
    [InlineData("<< $n := inputs.name >><< $n >>", "miniflux")]
    [InlineData("<< inputs.provider.kind >>", "")]
    public void Renders_the_template_subset(string template, string expected)
    {
        GoTemplate.Parse(template).Render(Inputs).ShouldBe(expected);
    }

    [Theory]
    [InlineData("<< unknownFunction inputs.name >>")]
    [InlineData("<< if true >>never closed")]
    [InlineData("<< inputs.name")]
    public void A_template_it_cannot_render_offline_is_an_error(string template)
    {
        Should.Throw<TemplateException>(() => GoTemplate.Parse(template).Render(Inputs));
    }

    private static LocatedMapping Map(string yaml) => (LocatedMapping)YamlStreamReader.Read(yaml).Documents[0].Root!;

    [Fact]
    public void Expands_resources_per_input_keeping_lines_and_resourcesTemplate_per_input()
    {
        var expansion = ResourceSetExpander.Expand(Map("""
            apiVersion: fluxcd.controlplane.io/v1
            kind: ResourceSet
            metadata:
              name: platform-namespaces
              namespace: flux-system
            spec:
              inputs:
                - name: media
                - name: books
              resources:
                - apiVersion: v1
                  kind: Namespace
                  metadata:
                    name: << inputs.name >>
              resourcesTemplate: |
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: << inputs.name >>-settings
                  namespace: << inputs.provider.namespace >>
            """));

        expansion.Problem.ShouldBeNull();
        expansion.Documents.Select(d => $"{d.Document.Kind} {d.Document.Name} {d.Document.Namespace} @{d.Line}").ShouldBe(
        [
            "Namespace media  @11",
            "ConfigMap media-settings flux-system @15",
            "Namespace books  @11",
            "ConfigMap books-settings flux-system @15",
        ]);
        expansion.Documents[0].Document.Map!.At("metadata", "name")!.Line.ShouldBe(14);
    }

    [Fact]
    public void Permute_with_inline_inputs_gives_each_input_also_under_the_provider_name()
    {
        var expansion = ResourceSetExpander.Expand(Map("""
            apiVersion: fluxcd.controlplane.io/v1
            kind: ResourceSet
            metadata:
              name: apps
              namespace: flux-system
            spec:
              inputStrategy:
                name: Permute
              inputs:
                - name: media
              resourcesTemplate: |
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: << inputs.name >>-<< inputs.resourceset_flux_system_apps.name >>
            """));

        expansion.Documents.ShouldHaveSingleItem().Document.Name.ShouldBe("media-media");
    }

    [Fact]
    public void Inputs_from_providers_in_the_cluster_are_named_as_the_reason_the_expansion_is_partial()
    {
        var expansion = ResourceSetExpander.Expand(Map("""
            apiVersion: fluxcd.controlplane.io/v1
            kind: ResourceSet
            metadata:
              name: apps
            spec:
              inputsFrom:
                - kind: ResourceSetInputProvider
                  name: github-prs
              resourcesTemplate: |
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: << inputs.id >>
            """));

        expansion.Documents.ShouldBeEmpty();
        expansion.Problem.ShouldBe("its inputsFrom providers live in the cluster");
    }
}
