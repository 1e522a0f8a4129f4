namespace Scaffolder.Tests.Cli;

/// <summary>
/// Follow-up patterns (<c>new secret/storage/database/route --app X</c>) wire what they create into the app's
/// HelmRelease values; values of another shape get the lines to add by hand in the plan, and the run still succeeds.
/// </summary>
public sealed class FollowUpWiringTests
{
    private const string Wiki = "kubernetes/clusters/live/apps/wiki";

    [Fact]
    public void A_secret_becomes_env_variables_of_the_app()
    {
        using var repo = TestRepo.FromSample();
        repo.Run("new", "app", "wiki").ExitCode.ShouldBe(0);

        var result = repo.Run("new", "secret", "wiki-api", "--app", "wiki", "--key", "API_KEY", "--key", "DB_PASS:password");

        result.ExitCode.ShouldBe(0, result.Error);
        repo.Read($"{Wiki}/helmrelease.yaml").ShouldContain(
            "              tag: \"${wiki_version}\"\n            env:\n              API_KEY:\n                valueFrom:\n                  secretKeyRef:\n                    name: wiki-api\n                    key: API_KEY\n"
            + "              DB_PASS:\n                valueFrom:\n                  secretKeyRef:\n                    name: wiki-api\n                    key: DB_PASS\n            securityContext:\n");
        result.Output.ShouldContain("helm-values: spec.values.controllers.*.containers.*.env: API_KEY, DB_PASS");
    }

    [Fact]
    public void A_block_volume_is_mounted_at_the_given_path()
    {
        using var repo = TestRepo.FromSample();
        repo.Run("new", "app", "wiki").ExitCode.ShouldBe(0);

        repo.Run("new", "storage", "uploads", "--app", "wiki", "--block", "--size", "5Gi", "--mount-path", "/var/uploads").ExitCode.ShouldBe(0);
        repo.Run("new", "storage", "cache", "--app", "wiki", "--block", "--size", "1Gi").ExitCode.ShouldBe(0);

        repo.Read($"{Wiki}/helmrelease.yaml").ShouldEndWith(
            "            scrapeTimeout: 10s\n    persistence:\n      uploads:\n        existingClaim: wiki-uploads\n        globalMounts:\n          - path: /var/uploads\n"
            + "      cache:\n        existingClaim: wiki-cache\n        globalMounts:\n          - path: /data\n");
    }

    [Fact]
    public void Mount_path_applies_to_block_storage_only()
    {
        using var repo = TestRepo.FromSample();
        var result = repo.Run("new", "storage", "x", "--app", "miniflux", "--volume", "x:1Gi", "--mount-path", "/x");
        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("--mount-path applies to --block only");
    }

    [Fact]
    public void A_database_gives_the_connection_env_and_no_message_about_what_was_done()
    {
        using var repo = TestRepo.FromSample();
        repo.Run("new", "app", "wiki").ExitCode.ShouldBe(0);

        var result = repo.Run("new", "database", "wiki-db", "--app", "wiki");

        result.ExitCode.ShouldBe(0, result.Error);
        var release = repo.Read($"{Wiki}/helmrelease.yaml");
        release.ShouldContain("            env:\n              DB_HOST: platform-pooler-rw.database.svc.cluster.local\n              DB_PORT: \"5432\"\n              DB_NAME: wiki_db\n              DB_USER:\n                valueFrom:\n                  secretKeyRef:\n                    name: wiki-db-credentials\n                    key: username\n");
        result.Output.ShouldNotContain("Connect to");
        result.Output.ShouldNotContain("replicat", Case.Insensitive);
    }

    [Fact]
    public void A_route_without_port_uses_the_port_of_the_app_service()
    {
        using var repo = TestRepo.FromSample();
        repo.Run("new", "app", "wiki", "--port", "3000").ExitCode.ShouldBe(0);

        repo.Run("new", "route", "wiki", "--app", "wiki", "--gateway", "internal").ExitCode.ShouldBe(0);

        repo.Read($"{Wiki}/wiki-internal-httproute.yaml").ShouldContain("        - name: wiki\n          port: 3000\n");
    }

    [Fact]
    public void A_route_on_another_port_than_the_service_says_so()
    {
        using var repo = TestRepo.FromSample();
        repo.Run("new", "app", "wiki", "--port", "3000").ExitCode.ShouldBe(0);

        var result = repo.Run("new", "route", "wiki", "--app", "wiki", "--gateway", "internal", "--port", "8080");

        result.ExitCode.ShouldBe(0, result.Error);
        repo.Read($"{Wiki}/wiki-internal-httproute.yaml").ShouldContain("          port: 8080\n");
        result.Output.ShouldContain($"The route sends traffic to port 8080, but the app's service listens on 3000 ({Wiki}/helmrelease.yaml)");
    }

    [Fact]
    public void Values_of_another_shape_are_left_alone_and_the_plan_says_what_to_add_by_hand()
    {
        using var repo = TestRepo.FromSample();
        repo.Run("new", "app", "wiki").ExitCode.ShouldBe(0);
        var path = $"{Wiki}/helmrelease.yaml";
        var listEnv = repo.Read(path).Replace("              tag: \"${wiki_version}\"\n", "              tag: \"${wiki_version}\"\n            env:\n              - name: LOG_LEVEL\n                value: info\n", StringComparison.Ordinal);
        repo.Write(path, listEnv);

        var result = repo.Run("new", "secret", "wiki-api", "--app", "wiki", "--key", "API_KEY");

        result.ExitCode.ShouldBe(0, result.Error);
        repo.Read(path).ShouldBe(listEnv);
        result.Output.ShouldContain(
            $"Add by hand to the HelmRelease wiki in {path}, under spec.values.controllers.*.containers.*.env ('spec.values.controllers.*.containers.*.env' is not a block mapping with entries):\n"
            + "    API_KEY:\n      valueFrom:\n        secretKeyRef:\n          name: wiki-api\n          key: API_KEY\n");
        File.Exists(repo.PathOf($"{Wiki}/wiki-api.yaml")).ShouldBeTrue("the secret itself is still created");
    }

    [Fact]
    public void An_app_folder_without_a_helmrelease_file_gets_the_lines_to_add_by_hand()
    {
        using var repo = TestRepo.FromSample();
        repo.Run("new", "app", "wiki").ExitCode.ShouldBe(0);
        File.Move(repo.PathOf($"{Wiki}/helmrelease.yaml"), repo.PathOf($"{Wiki}/release.yaml"));

        var result = repo.Run("new", "storage", "data", "--app", "wiki", "--block", "--size", "1Gi");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain($"{Wiki}/helmrelease.yaml does not exist: where the app's values are, add by hand under spec.values.persistence:\n    data:\n      existingClaim: wiki-data\n");
        File.Exists(repo.PathOf($"{Wiki}/helmrelease.yaml")).ShouldBeFalse();
    }

    [Fact]
    public void Removing_the_secret_that_opened_env_keeps_the_env_of_the_next_one()
    {
        using var repo = TestRepo.FromSample();
        const string Release = "kubernetes/clusters/live/apps/miniflux/helmrelease.yaml";
        var original = repo.Read(Release);
        repo.Run("new", "secret", "a", "--app", "miniflux", "--key", "A").ExitCode.ShouldBe(0);
        repo.Run("new", "secret", "b", "--app", "miniflux", "--key", "B").ExitCode.ShouldBe(0);

        repo.Run("remove", "secret/a").ExitCode.ShouldBe(0);

        repo.Read(Release).ShouldContain("              tag: \"${miniflux_version}\"\n            env:\n              B:\n");
        repo.Run("remove", "secret/b").ExitCode.ShouldBe(0);
        repo.Read(Release).ShouldBe(original);
    }
}
