namespace Scaffolder.Tests.Safety;

/// <summary>
/// No name, option, config value, template override or symbolic link makes the tool read or write outside the
/// repository root: each attempt exits 2 before anything is written, and both the repository and the outside folder
/// are byte-identical afterwards.
/// </summary>
public sealed class ConfinementTests : IDisposable
{
    private readonly TestRepo repo = TestRepo.FromSample();
    private readonly string outside = Directory.CreateTempSubdirectory("scaffold-outside-").FullName;

    public void Dispose()
    {
        repo.Dispose();
        Directory.Delete(outside, recursive: true);
    }

    public static TheoryData<string, string> TraversalNames => new()
    {
        { "app", "../../../../outside" },
        { "app", ".." },
        { "app", "a/../../b" },
        { "app", "/tmp/x" },
        { "secret", "../x --app miniflux --key A" },
        { "storage", "../../x --app miniflux --block --size 1Gi" },
        { "route", "../x --app miniflux" },
        { "database", "../x --app miniflux" },
        { "module", "../../escape" },
        { "unit", "../app-secrets --module app-secrets" },
        { "pin", "../x --version 1.0.0 --datasource helm --dep-name x" },
        { "secret", "x --app ../../../outside --key A" },
        { "storage", "x --app ../.. --block --size 1Gi" },
        { "route", "x --app /tmp" },
        { "database", "x --app .." },
        { "unit", "x --module ../../../outside" },
        { "module", "x --stack ../../../outside" },
        { "unit", "x --module app-secrets --stack ../live" },
    };

    [Theory]
    [MemberData(nameof(TraversalNames))]
    public void Traversal_in_names_and_options_is_refused(string template, string rest)
    {
        Refused(["new", template, .. rest.Split(' ')]);
    }

    public static TheoryData<string, string> ConfigPaths => new()
    {
        { "apps", "../outside/{cluster}" },
        { "apps", "kubernetes/../../outside" },
        { "apps", "/tmp/x" },
        { "apps", "OUTSIDE" },
        { "apps", "kubernetes/./apps" },
        { "apps", "kubernetes//apps" },
        { "appsResourceSet", "../apps-resourceset.yaml" },
        { "clusterVersions", "/etc/versions.env" },
        { "modules", "../modules" },
        { "units", "OUTSIDE/units" },
        { "stacks", "/tmp" },
        { "platformVersions", "../../versions.env" },
        { "clusterDatabaseConfig", "../db" },
        { "platformGarageConfig", "OUTSIDE" },
    };

    [Theory]
    [MemberData(nameof(ConfigPaths))]
    public void Config_paths_leaving_the_repository_are_refused(string key, string value)
    {
        // OUTSIDE stands for the absolute path of the outside folder.
        value = value.Replace("OUTSIDE", outside, StringComparison.Ordinal);
        repo.Write(".scaffold.yaml", $"clusters:\n  default: [live]\n  known: [live, dev]\npaths:\n  {key}: \"{value}\"\n");
        string[] command = key switch
        {
            "modules" or "units" or "stacks" => ["new", "module", "escape", "--stack", "live"],
            "platformVersions" => ["new", "pin", "escape", "--version", "1.0.0", "--datasource", "helm", "--dep-name", "x"],
            "clusterDatabaseConfig" => ["new", "database", "miniflux", "--app", "miniflux"],
            "platformGarageConfig" => ["new", "storage", "miniflux", "--app", "miniflux", "--object"],
            _ => ["new", "app", "escape"],
        };
        Refused(command);
    }

    [Fact]
    public void A_symlinked_apps_folder_pointing_outside_is_refused()
    {
        var apps = repo.PathOf("kubernetes/clusters/live/apps");
        CopyInto(apps, outside);
        Directory.Delete(apps, recursive: true);
        Directory.CreateSymbolicLink(apps, outside);
        Refused(["new", "app", "wiki"]);
        Refused(["new", "secret", "s", "--app", "miniflux", "--key", "A"]);
        Refused(["new", "route", "r", "--app", "miniflux"]);
    }

    [Fact]
    public void A_relative_symlink_climbing_out_is_refused()
    {
        var apps = repo.PathOf("kubernetes/clusters/live/apps");
        CopyInto(apps, outside);
        Directory.Delete(apps, recursive: true);
        Directory.CreateSymbolicLink(apps, Path.GetRelativePath(Path.GetDirectoryName(apps)!, outside));
        Refused(["new", "app", "wiki"]);
    }

    [Fact]
    public void A_chain_of_symlinks_whose_first_hop_stays_inside_is_refused()
    {
        // hop: kubernetes/clusters/live/hop -> outside; apps -> hop (inside), so only following the chain shows the escape.
        var apps = repo.PathOf("kubernetes/clusters/live/apps");
        CopyInto(apps, outside);
        Directory.Delete(apps, recursive: true);
        Directory.CreateSymbolicLink(repo.PathOf("kubernetes/clusters/live/hop"), outside);
        Directory.CreateSymbolicLink(apps, "hop");
        Refused(["new", "app", "wiki"]);
        Refused(["new", "secret", "s", "--app", "miniflux", "--key", "A"]);
    }

    [Fact]
    public void A_symlinked_file_pointing_outside_is_refused_as_an_edit_target()
    {
        var resourceSet = repo.PathOf("kubernetes/clusters/live/apps/apps-resourceset.yaml");
        var target = Path.Combine(outside, "apps-resourceset.yaml");
        File.Copy(resourceSet, target);
        File.Delete(resourceSet);
        File.CreateSymbolicLink(resourceSet, target);
        Refused(["new", "app", "wiki"]);
    }

    [Fact]
    public void A_dangling_symlink_pointing_outside_is_refused()
    {
        // The link's target does not exist yet: writing through it would create files outside. (The snapshot helper
        // cannot read a dangling link, so the link is removed before the tree is compared.)
        var before = repo.Snapshot();
        var link = repo.PathOf("kubernetes/clusters/live/apps/wiki");
        Directory.CreateSymbolicLink(link, Path.Combine(outside, "not-yet"));
        var result = repo.Run("new", "app", "wiki");
        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        result.Error.ShouldContain("symbolic link");
        Directory.Exists(Path.Combine(outside, "not-yet")).ShouldBeFalse();
        Directory.EnumerateFileSystemEntries(outside).ShouldBeEmpty();
        File.Delete(link);
        repo.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void A_symlink_staying_inside_the_repository_is_allowed()
    {
        var apps = repo.PathOf("kubernetes/clusters/live/apps");
        var real = repo.PathOf("kubernetes/clusters/live/real-apps");
        Directory.Move(apps, real);
        Directory.CreateSymbolicLink(apps, "real-apps");
        var result = repo.Run("new", "app", "wiki");
        result.ExitCode.ShouldBe(0, result.Error);
        File.Exists(Path.Combine(real, "wiki", "namespace.yaml")).ShouldBeTrue();
    }

    [Theory]
    [InlineData("../../../OUTSIDE/escaped.yaml")]
    [InlineData("OUTSIDE/escaped.yaml")]
    [InlineData("{{name}}/../../../../escaped.yaml")]
    [InlineData("kubernetes/{{name}}/./x.yaml")]
    public void A_repo_template_whose_file_path_escapes_is_refused(string path)
    {
        path = path.Replace("OUTSIDE", outside.TrimStart('/'), StringComparison.Ordinal);
        if (path.StartsWith(outside.TrimStart('/'), StringComparison.Ordinal))
        {
            path = "/" + path;
        }

        repo.Write(".scaffold/templates/evil/template.yaml", $"id: evil\ndescription: escapes\nscope: repo\nfiles:\n  - path: \"{path}\"\n    template: x.yaml.hbs\n");
        repo.Write(".scaffold/templates/evil/x.yaml.hbs", "a: b\n");
        Refused(["new", "evil", "x"]);
    }

    [Fact]
    public void A_repo_template_whose_edit_target_escapes_is_refused()
    {
        var target = Path.Combine(outside, "kustomization.yaml");
        File.WriteAllText(target, "resources:\n  - a.yaml\n");
        repo.Write(".scaffold/templates/evil/template.yaml",
            $"id: evil\ndescription: escapes\nscope: repo\nedits:\n  - inserter: kustomization-resource\n    file: \"../{Path.GetFileName(outside)}/kustomization.yaml\"\n    value: x.yaml\n    with:\n      path: resources\n  - inserter: kustomization-resource\n    file: \"{target}\"\n    value: x.yaml\n    with:\n      path: resources\n");
        Refused(["new", "evil", "x"]);
    }

    [Theory]
    [InlineData("../../../../../../etc/hostname")]
    [InlineData("/etc/hostname")]
    [InlineData("OUTSIDE/source.hbs")]
    public void A_repo_template_reading_its_source_from_outside_is_refused(string source)
    {
        File.WriteAllText(Path.Combine(outside, "source.hbs"), "stolen: true\n");
        source = source.Replace("OUTSIDE", outside, StringComparison.Ordinal);
        repo.Write(".scaffold/templates/evil/template.yaml", $"id: evil\ndescription: reads\nscope: repo\nfiles:\n  - path: \"out/x.yaml\"\n    template: \"{source}\"\n");
        Refused(["new", "evil", "x"]);
    }

    [Fact]
    public void A_repo_template_override_folder_symlinked_outside_is_refused()
    {
        Directory.CreateDirectory(Path.Combine(outside, "evil"));
        File.WriteAllText(Path.Combine(outside, "evil", "template.yaml"), "id: evil\ndescription: d\nscope: repo\nfiles:\n  - path: out/x.yaml\n    template: x.yaml.hbs\n");
        File.WriteAllText(Path.Combine(outside, "evil", "x.yaml.hbs"), "a: b\n");
        Directory.CreateDirectory(repo.PathOf(".scaffold/templates"));
        Directory.CreateSymbolicLink(repo.PathOf(".scaffold/templates/evil"), Path.Combine(outside, "evil"));
        Refused(["new", "evil", "x"]);
    }

    [Theory]
    [InlineData("../../../OUTSIDE")]
    [InlineData("OUTSIDE")]
    public void Module_variables_never_reads_outside_through_config(string modules)
    {
        File.WriteAllText(Path.Combine(outside, "variables.tf"), "variable \"stolen\" {\n  type = string\n}\n");
        Directory.CreateDirectory(Path.Combine(outside, "app-secrets"));
        File.WriteAllText(Path.Combine(outside, "app-secrets", "variables.tf"), "variable \"stolen\" {\n  type = string\n}\n");
        modules = modules.Replace("OUTSIDE", outside, StringComparison.Ordinal);
        repo.Write(".scaffold.yaml", $"clusters:\n  default: [live]\n  known: [live, dev]\npaths:\n  modules: \"{modules}\"\n");
        Refused(["new", "unit", "x", "--module", "app-secrets"]);
    }

    [Fact]
    public void Module_variables_never_reads_through_a_symlinked_module_folder()
    {
        File.WriteAllText(Path.Combine(outside, "variables.tf"), "variable \"stolen\" {\n  type = string\n}\n");
        Directory.CreateSymbolicLink(repo.PathOf("infrastructure/modules/leak"), outside);
        Refused(["new", "unit", "leak"]);
    }

    [Fact]
    public void Module_variables_never_reads_a_symlinked_tf_file()
    {
        File.WriteAllText(Path.Combine(outside, "stolen.tf"), "variable \"stolen\" {\n  type = string\n}\n");
        File.CreateSymbolicLink(repo.PathOf("infrastructure/modules/app-secrets/stolen.tf"), Path.Combine(outside, "stolen.tf"));
        Refused(["new", "unit", "leak", "--module", "app-secrets"]);
    }

    private void Refused(string[] args)
    {
        var before = repo.Snapshot();
        var outsideBefore = TestRepo.SnapshotOf(outside);
        var result = repo.Run(args);
        var what = string.Join(' ', args);
        result.ExitCode.ShouldBe(2, $"{what}\n{result.Output}{result.Error}");
        result.Error.ShouldNotContain("   at ", Case.Sensitive, what);
        result.Error.TrimEnd().Split('\n').Length.ShouldBe(1, what + ": " + result.Error);
        repo.Snapshot().ShouldBe(before, what);
        TestRepo.SnapshotOf(outside).Keys.ShouldBe(outsideBefore.Keys, what);
        foreach (var (path, bytes) in outsideBefore)
        {
            TestRepo.SnapshotOf(outside)[path].ShouldBe(bytes, $"{what}: {path}");
        }
    }

    private static void CopyInto(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
