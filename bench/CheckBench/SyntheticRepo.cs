using System.Globalization;
using System.Text;

/// <summary>Writes a synthetic repo of compliant app folders.</summary>
internal static class SyntheticRepo
{
    public const int ManifestsPerApp = 11;

    private static readonly string[] SourceNames = ["cluster-vars", "platform-versions", "cluster-versions"];

    public static void Write(string root, int apps)
    {
        var clean = Path.Combine(AppContext.BaseDirectory, "template");
        for (var i = 0; i < apps; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"app-{i}");
            var folder = Path.Combine(root, "kubernetes", "clusters", "live", "apps", name);
            Directory.CreateDirectory(folder);
            foreach (var file in Directory.EnumerateFiles(clean))
            {
                var text = File.ReadAllText(file).Replace("miniflux", name, StringComparison.Ordinal);
                File.WriteAllText(Path.Combine(folder, Path.GetFileName(file).Replace("miniflux", name, StringComparison.Ordinal)), text);
            }
        }
    }

    /// <summary>The three substituteFrom ConfigMaps as a YAML list indented by <paramref name="indent"/>.</summary>
    private static string Sources(int indent)
    {
        var pad = new string(' ', indent);
        return string.Concat(SourceNames.Select(n => $"{pad}- kind: ConfigMap\n{pad}  name: {n}\n"));
    }

    /// <summary>
    /// The same app folders deployed as a real cluster deploys them: the cluster's kustomization.yaml generates the
    /// cluster-vars, platform-versions and cluster-versions ConfigMaps from env files, <c>apps.yaml</c> is the Flux
    /// Kustomization of the apps folder, and an apps ResourceSet (one input per app) generates each app's Kustomization
    /// substituting all three; every app's version is a versions.env entry its HelmRelease uses.
    /// </summary>
    public static void WriteFlux(string root, int apps)
    {
        Write(root, apps);
        var cluster = Path.Combine(root, "kubernetes", "clusters", "live");
        var versions = new StringBuilder();
        var inputs = new StringBuilder();
        for (var i = 0; i < apps; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"app-{i}");
            var variable = string.Create(CultureInfo.InvariantCulture, $"app_{i}_version");
            foreach (var file in Directory.EnumerateFiles(Path.Combine(cluster, "apps", name)))
            {
                File.WriteAllText(file, File.ReadAllText(file).Replace("${" + name + "_version}", "${" + variable + "}", StringComparison.Ordinal));
            }

            versions.Append(CultureInfo.InvariantCulture, $"# renovate: datasource=docker depName=ghcr.io/example/{name}\n{variable}=1.{i}.0\n");
            inputs.Append(CultureInfo.InvariantCulture, $"    - name: {name}\n      path: kubernetes/clusters/live/apps/{name}\n      dependsOn: [cloudnative-pg]\n");
        }

        File.WriteAllText(Path.Combine(cluster, "versions.env"), versions.ToString());
        Directory.CreateDirectory(Path.Combine(root, "kubernetes", "platform"));
        File.WriteAllText(Path.Combine(root, "kubernetes", "platform", "versions.env"), "# renovate: datasource=docker depName=ghcr.io/bjw-s-labs/helm/app-template\napp_template_version=4.2.0\n");
        File.WriteAllText(Path.Combine(cluster, ".cluster-vars.env"), "cluster_name=live\nsource_kind=OCIRepository\ninternal_domain=internal.example.net\n");
        File.WriteAllText(Path.Combine(cluster, "kustomization.yaml"), """
            ---
            # yaml-language-server: $schema=https://json.schemastore.org/kustomization
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            resources:
              - apps.yaml
            configMapGenerator:
              - name: cluster-vars
                namespace: flux-system
                envs:
                  - .cluster-vars.env
              - name: platform-versions
                namespace: flux-system
                envs:
                  - ../../platform/versions.env
              - name: cluster-versions
                namespace: flux-system
                envs:
                  - versions.env
            generatorOptions:
              disableNameSuffixHash: true

            """);
        File.WriteAllText(Path.Combine(cluster, "apps.yaml"), """
            ---
            # yaml-language-server: $schema=https://kubernetes-schemas.pages.dev/kustomize.toolkit.fluxcd.io/kustomization_v1.json
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: cluster-apps
              namespace: flux-system
            spec:
              interval: 10m
              path: ./kubernetes/clusters/live/apps
              prune: true
              sourceRef:
                kind: ${source_kind}
                name: flux-system
              postBuild:
                substituteFrom:

            """ + Sources(6));
        File.WriteAllText(Path.Combine(cluster, "apps", "kustomization.yaml"), "---\n# yaml-language-server: $schema=https://json.schemastore.org/kustomization\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - apps-resourceset.yaml\n");
        File.WriteAllText(Path.Combine(cluster, "apps", "apps-resourceset.yaml"), $$"""
            ---
            # yaml-language-server: $schema=https://kubernetes-schemas.pages.dev/fluxcd.controlplane.io/resourceset_v1.json
            apiVersion: fluxcd.controlplane.io/v1
            kind: ResourceSet
            metadata:
              name: apps
              namespace: flux-system
            spec:
              inputs:
            {{inputs}}  resourcesTemplate: |
                ---
                apiVersion: kustomize.toolkit.fluxcd.io/v1
                kind: Kustomization
                metadata:
                  name: << inputs.name >>
                  namespace: flux-system
                spec:
                  dependsOn:
                    << range $dep := inputs.dependsOn >>
                    - name: << $dep >>
                    << end >>
                  interval: 3m
                  path: << inputs.path >>
                  prune: true
                  sourceRef:
                    kind: ${source_kind}
                    name: flux-system
                  postBuild:
                    substituteFrom:
            {{Sources(10)}}
            """);
    }
}
