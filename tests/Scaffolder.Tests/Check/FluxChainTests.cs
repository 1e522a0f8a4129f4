using Scaffolder.Cli;

namespace Scaffolder.Tests.Check;

/// <summary>
/// The fixture repository of issue 17's "Done when" (fixtures/violations/SCF036): a ResourceSet-generated Kustomization
/// chain in which one variable is undefined, one has a default and one lives in versions.env, and a GarageBucket whose
/// integer field comes from the ResourceSet input through postBuild.substitute; run as a user does, with the CLI.
/// </summary>
public sealed class FluxChainTests
{
    private static readonly string Fixture = Path.Combine(CheckRepo.Fixture("violations"), "SCF036");

    private static TestRepo Copy()
    {
        var repo = TestRepo.Empty();
        foreach (var file in Directory.EnumerateFiles(Fixture, "*", SearchOption.AllDirectories))
        {
            repo.Write(Path.GetRelativePath(Fixture, file).Replace('\\', '/'), File.ReadAllText(file));
        }

        Directory.CreateDirectory(Path.Combine(repo.Root, ".git"));
        return repo;
    }

    private static (int Code, string Output, string Error) Run(string directory, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, output, error, directory);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void With_crds_the_chain_gives_only_the_undefined_variable()
    {
        using var repo = Copy();

        var result = Run(repo.Root, "check", "--crds", SharedData.Crds);

        result.Code.ShouldBe(1, result.Error);
        result.Output.ShouldContain("1 error, 0 warnings, 0 notes");
        result.Output.ShouldContain("12:11  error    SCF036  Variable 'tls_isuer' is not defined for Kustomization 'flux-system/media-config' (cluster 'live')");
        result.Output.ShouldNotContain("SCF037");
        result.Output.ShouldNotContain("media_replica_count");
        result.Output.ShouldNotContain("jellyfin_version");
    }

    [Fact]
    public void A_ResourceSet_input_of_the_wrong_type_fails_the_schema_after_substitution_naming_field_and_type()
    {
        using var repo = Copy();
        var resourceSet = Path.Combine(repo.Root, "kubernetes/clusters/live/config/cluster-config-resourceset.yaml");
        File.WriteAllText(resourceSet, File.ReadAllText(resourceSet).Replace("maxObjects: 100000", "maxObjects: many", StringComparison.Ordinal));

        var result = Run(repo.Root, "check", "--crds", SharedData.Crds, "--rule", "SCF037");

        result.Output.ShouldContain("kubernetes/clusters/live/config/media/media-bucket.yaml\n  10:5  error    SCF037  GarageBucket 'media' does not match its CRD schema: spec.quotas.maxObjects: expected integer, found string \"many\".");
    }

    [Fact]
    public void Check_crds_in_the_config_is_the_same_as_the_option()
    {
        using var repo = Copy();
        var bucket = Path.Combine(repo.Root, "kubernetes/clusters/live/config/media/media-bucket.yaml");
        File.WriteAllText(bucket, File.ReadAllText(bucket).Replace("  clusterRef:", "  clusterRefs:", StringComparison.Ordinal));
        repo.Write(".scaffold.yaml", $"check:\n  crds: [{SharedData.Crds}]\n");

        var result = Run(repo.Root, "check", "--rule", "SCF037");

        result.Code.ShouldBe(1, result.Error);
        result.Output.ShouldContain("spec.clusterRefs: unknown field spec.clusterRefs.");
    }

    [Fact]
    public void A_crds_folder_that_does_not_exist_exits_2_with_one_line()
    {
        using var repo = Copy();

        var result = Run(repo.Root, "check", "--crds", "no-such-folder");

        result.Code.ShouldBe(2);
        result.Output.ShouldBeEmpty();
        result.Error.Trim().ShouldBe($"error: --crds: '{Path.Combine(repo.Root, "no-such-folder")}' is not a folder");
    }
}
