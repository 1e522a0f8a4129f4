using System.Diagnostics;

namespace Scaffolder.Tests.Lifecycle;

/// <summary>A sample repository under git, with helpers to commit and to change a template through a repository override.</summary>
internal static class LifecycleRepo
{
    public const string AppDir = "kubernetes/clusters/live/apps";

    /// <summary>A copy of samples/homelab with every file committed.</summary>
    public static TestRepo Committed()
    {
        var repo = TestRepo.FromSample();
        Git(repo, "init", "-q");
        Commit(repo, "sample");
        return repo;
    }

    public static void Commit(TestRepo repo, string message)
    {
        Git(repo, "add", "-A");
        Git(repo, "-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "--allow-empty", "-m", message);
    }

    /// <summary>Copies a built-in template into .scaffold/templates/&lt;id&gt;/ and rewrites one of its files.</summary>
    public static void OverrideTemplate(TestRepo repo, string id, string file, Func<string, string> change, string? version = null)
    {
        var target = repo.PathOf($".scaffold/templates/{id}");
        if (!Directory.Exists(target))
        {
            foreach (var source in Directory.EnumerateFiles(Path.Combine(TestRepo.SourceRoot, "templates", id), "*", SearchOption.AllDirectories))
            {
                var destination = Path.Combine(target, Path.GetRelativePath(Path.Combine(TestRepo.SourceRoot, "templates", id), source));
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Copy(source, destination);
            }
        }

        var path = Path.Combine(target, file);
        var text = change(File.ReadAllText(path));
        text.ShouldNotBe(File.ReadAllText(path), $"the change of {file} must change it");
        File.WriteAllText(path, text);
        if (version is not null)
        {
            var definition = Path.Combine(target, "template.yaml");
            File.WriteAllText(definition, File.ReadAllText(definition).Replace("id: " + id + "\n", $"id: {id}\nversion: \"{version}\"\n"));
        }
    }

    public static string Git(TestRepo repo, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = repo.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, $"git {string.Join(' ', args)}: {error}");
        return output;
    }
}
