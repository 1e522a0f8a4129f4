using Scaffolder.Core.IO;

namespace Scaffolder.Tests.Safety;

/// <summary>
/// Nothing the repository controls (config paths, template overrides, symbolic links) makes the tool write into, or
/// read from, the version-control folder: one line in <c>.git/config</c> or a hook runs a command at the next git call.
/// Each attempt exits 2 with one line before anything is written, and <c>.git</c> is byte-identical afterwards.
/// </summary>
public sealed class VcsDirectoryTests : IDisposable
{
    private readonly TestRepo repo = TestRepo.FromSample();

    public VcsDirectoryTests()
    {
        repo.Write(".git/config", "[core]\n\tbare = false\n");
        repo.Write(".git/HEAD", "ref: refs/heads/main\n");
        Directory.CreateDirectory(repo.PathOf(".git/hooks"));
    }

    public void Dispose() => repo.Dispose();

    public static TheoryData<string, string> ConfigPaths => new()
    {
        { "apps", ".git/hooks" },
        { "apps", ".git" },
        { "apps", "kubernetes/.git/{cluster}" },
        { "apps", ".GIT/hooks" },
        { "appsResourceSet", ".git/apps-resourceset.yaml" },
        { "clusterVersions", ".git/versions.env" },
        { "modules", ".git/modules" },
    };

    [Theory]
    [MemberData(nameof(ConfigPaths))]
    public void Config_paths_into_the_vcs_folder_are_refused(string key, string value)
    {
        repo.Write(".scaffold.yaml", $"clusters:\n  default: [live]\n  known: [live, dev]\npaths:\n  {key}: \"{value}\"\n");
        var error = Refused(key == "modules" ? ["new", "unit", "x", "--module", "app-secrets"] : ["new", "app", "hooked"]);
        error.ShouldContain(".git");
    }

    [Theory]
    [InlineData(".git/hooks/post-checkout")]
    [InlineData(".git/config")]
    [InlineData("{{name}}/.git")]
    [InlineData("sub/.git/hooks/pre-commit")]
    [InlineData(".Git/hooks/pre-commit")]
    public void A_repo_template_writing_into_the_vcs_folder_is_refused(string path)
    {
        repo.Write(".scaffold/templates/evil/template.yaml", $"id: evil\ndescription: hooks\nscope: repo\nfiles:\n  - path: \"{path}\"\n    template: x.hbs\n");
        repo.Write(".scaffold/templates/evil/x.hbs", "#!/bin/sh\necho owned\n");
        Refused(["new", "evil", "x"]).ShouldContain(".git");
    }

    [Fact]
    public void A_repo_template_editing_a_file_in_the_vcs_folder_is_refused()
    {
        repo.Write(".git/kustomization.yaml", "resources:\n  - a.yaml\n");
        repo.Write(".scaffold/templates/evil/template.yaml",
            "id: evil\ndescription: edits\nscope: repo\nedits:\n  - inserter: kustomization-resource\n    file: .git/kustomization.yaml\n    value: x.yaml\n    with:\n      path: resources\n");
        Refused(["new", "evil", "x"]).ShouldContain(".git");
    }

    [Fact]
    public void A_symlinked_folder_leading_into_the_vcs_folder_is_refused()
    {
        var apps = repo.PathOf("kubernetes/clusters/live/apps");
        var hidden = repo.PathOf(".git/apps");
        Directory.Move(apps, hidden);
        Directory.CreateSymbolicLink(apps, "../../../.git/apps");
        Refused(["new", "app", "hooked"]).ShouldContain("version-control");
    }

    [Fact]
    public void A_symlinked_edit_target_leading_into_the_vcs_folder_is_refused()
    {
        var versions = repo.PathOf("kubernetes/clusters/live/versions.env");
        File.Move(versions, repo.PathOf(".git/versions.env"));
        File.CreateSymbolicLink(versions, "../../../.git/versions.env");
        Refused(["new", "app", "hooked"]).ShouldContain("version-control");
    }

    [Fact]
    public void A_link_to_a_submodules_git_file_folder_is_refused()
    {
        // A submodule's working tree has a '.git' file; its git folder lives in the super-project's .git/modules.
        repo.Write(".git/modules/sub/config", "[core]\n");
        repo.Write("sub/.git", "gitdir: ../.git/modules/sub\n");
        Directory.CreateSymbolicLink(repo.PathOf("kubernetes/clusters/live/apps/hooked"), "../../../../.git/modules/sub");
        Refused(["new", "app", "hooked"]).ShouldContain("version-control");
    }

    [Fact]
    public void A_data_provider_never_reads_the_vcs_folder()
    {
        repo.Write(".git/modules/app-secrets/variables.tf", "variable \"stolen\" {\n  type = string\n}\n");
        repo.Write(".scaffold.yaml", "clusters:\n  default: [live]\n  known: [live, dev]\n");
        Directory.CreateSymbolicLink(repo.PathOf("infrastructure/modules/leak"), "../../.git/modules/app-secrets");
        Refused(["new", "unit", "x", "--module", "leak"]).ShouldContain("version-control");
    }

    [Fact]
    public void A_run_leaves_nothing_in_the_vcs_folder()
    {
        // The lock used to live in .git/scaffold.lock.
        var before = TestRepo.SnapshotOf(repo.PathOf(".git"));
        var result = repo.Run("new", "app", "wiki");
        result.ExitCode.ShouldBe(0, result.Error);
        TestRepo.SnapshotOf(repo.PathOf(".git")).Keys.ShouldBe(before.Keys);
        Directory.EnumerateFileSystemEntries(repo.PathOf(".git"), "*", SearchOption.AllDirectories).Count().ShouldBe(3);
    }

    [Fact]
    public void The_root_of_a_worktree_with_a_git_file_is_found_from_a_sub_folder()
    {
        // In a worktree '.git' is a file. The outer folder has a .git folder: the worktree's own root must win.
        using var outer = TestRepo.Empty();
        Directory.CreateDirectory(Path.Combine(outer.Root, ".git"));
        var tree = Path.Combine(outer.Root, "tree");
        Directory.Move(repo.Root, tree);
        try
        {
            File.Delete(Path.Combine(tree, ".scaffold.yaml"));
            Directory.Delete(Path.Combine(tree, ".git"), recursive: true);
            File.WriteAllText(Path.Combine(tree, ".git"), "gitdir: /nowhere/.git/worktrees/tree\n");
            using var output = new StringWriter();
            using var error = new StringWriter();
            var code = Scaffolder.Cli.CliApp.Run(["new", "app", "wiki"], output, error, Path.Combine(tree, "kubernetes"));
            code.ShouldBe(0, error.ToString());
            File.Exists(Path.Combine(tree, "kubernetes/clusters/live/apps/wiki/namespace.yaml")).ShouldBeTrue();
            Directory.Exists(Path.Combine(outer.Root, "kubernetes")).ShouldBeFalse();
        }
        finally
        {
            Directory.Move(tree, repo.Root);
        }
    }

    private string Refused(string[] args)
    {
        var before = repo.Snapshot();
        var git = TestRepo.SnapshotOf(repo.PathOf(".git"));
        var result = repo.Run(args);
        var what = string.Join(' ', args);
        result.ExitCode.ShouldBe(2, $"{what}\n{result.Output}{result.Error}");
        result.Error.ShouldNotContain("   at ", Case.Sensitive, what);
        result.Error.TrimEnd().Split('\n').Length.ShouldBe(1, what + ": " + result.Error);
        repo.Snapshot().ShouldBe(before, what);
        var after = TestRepo.SnapshotOf(repo.PathOf(".git"));
        after.Keys.ShouldBe(git.Keys, what);
        foreach (var (path, bytes) in git)
        {
            after[path].ShouldBe(bytes, $"{what}: {path}");
        }

        return result.Error;
    }
}
