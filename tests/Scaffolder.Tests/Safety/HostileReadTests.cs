using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Scaffolder.Tests.Safety;

/// <summary>
/// No input file crashes or hangs the tool: a configuration, a <c>--values</c> file, a repository template (its
/// <c>template.yaml</c>, a file or a partial) and a shared file the tool edits or would create, each replaced by a FIFO,
/// a socket, a folder, a 1 GiB file, <c>/dev/zero</c> or <c>/dev/null</c>, or holding unclosed flow collections,
/// 100,000 levels of nesting or alias bombs, is refused with exit 2 and one line on stderr, no stack trace, and an
/// unchanged repository. Runs are bounded by a generous hang guard, not timed as a benchmark.
/// </summary>
public sealed class HostileReadTests : IDisposable
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);
    private const string ResourceSet = "kubernetes/clusters/live/apps/apps-resourceset.yaml";
    private const string EvilTemplate = "id: evil\ndescription: d\nscope: repo\nfiles:\n  - path: out/x.yaml\n    template: x.yaml.hbs\n";
    private readonly TestRepo repo = TestRepo.FromSample();
    private readonly string outside = Directory.CreateTempSubdirectory("scaffold-hostile-").FullName;

    public void Dispose()
    {
        repo.Dispose();
        Directory.Delete(outside, recursive: true);
    }

    /// <summary>An input: where its file is (repository-relative, or OUTSIDE/...) and the command that reads it.</summary>
    private sealed record Input(string Path, string[] Args, Action<TestRepo>? Prepare = null);

    private static readonly Dictionary<string, Input> Inputs = new(StringComparer.Ordinal)
    {
        ["config"] = new(".scaffold.yaml", ["new", "app", "wiki"]),
        ["values"] = new("OUTSIDE/values.yaml", ["new", "app", "--values", "OUTSIDE/values.yaml"]),
        ["template.yaml"] = new(".scaffold/templates/evil/template.yaml", ["new", "evil", "x"], r => r.Write(".scaffold/templates/evil/x.yaml.hbs", "a: b\n")),
        ["template file"] = new(".scaffold/templates/evil/x.yaml.hbs", ["new", "evil", "x"], r => r.Write(".scaffold/templates/evil/template.yaml", EvilTemplate)),
        ["partial"] = new(".scaffold/templates/_partials/labels.sbn", ["new", "app", "wiki"]),
        ["edited file"] = new(ResourceSet, ["new", "app", "wiki"]),
        ["created file"] = new("kubernetes/clusters/live/apps/wiki/namespace.yaml", ["new", "app", "wiki"]),
    };

    public static TheoryData<string, string> SpecialFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var input in Inputs.Keys)
        {
            foreach (var kind in new[] { "fifo", "socket", "folder", "1 GiB file", "/dev/zero", "/dev/null" })
            {
                // A folder among the partials is no partial: it is passed over.
                if (input != "partial" || kind != "folder")
                {
                    data.Add(input, kind);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SpecialFiles))]
    public void A_special_file_or_a_huge_one_is_refused_without_being_read(string input, string kind)
    {
        var (path, args) = Place(input);
        using var socket = kind == "socket" ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified) : null;
        switch (kind)
        {
            case "fifo":
                Process.Start("mkfifo", [path])!.WaitForExit();
                break;
            case "socket":
                socket!.Bind(new UnixDomainSocketEndPoint(path));
                break;
            case "folder":
                Directory.CreateDirectory(path);
                break;
            case "1 GiB file":
                using (var huge = File.Create(path))
                {
                    // Sparse: the length is set, no gigabyte is written.
                    huge.SetLength(1L << 30);
                }

                break;
            default:
                File.CreateSymbolicLink(path, kind);
                break;
        }

        var result = RunGuarded(args, path);
        Refused(result, $"{input} as {kind}");
    }

    /// <summary>Hostile YAML values, each placed where the input's reader walks (see <see cref="Body"/>).</summary>
    public static TheoryData<string, string> HostileYaml()
    {
        var data = new TheoryData<string, string>();
        foreach (var input in new[] { "config", "values", "template.yaml", "edited file" })
        {
            foreach (var hostile in new[] { "unclosed sequence", "unclosed mapping", "unclosed nested", "unclosed quote", "alias cycle", "billion laughs", "bad directive", "tab indent", "complex key", "duplicate key" })
            {
                // Beside the edited list these are valid YAML the edit does not walk: see the test for the edited file.
                if (input != "edited file" || hostile is not ("alias cycle" or "billion laughs" or "complex key"))
                {
                    data.Add(input, hostile);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HostileYaml))]
    public void Malformed_yaml_is_a_located_error(string input, string hostile)
    {
        var (path, args) = Place(input);
        File.WriteAllText(path, Body(input, Hostile(hostile)));
        var result = RunGuarded(args, path);
        Refused(result, $"{input} with {hostile}");
        result.Error.ShouldContain(input == "values" ? "values.yaml" : Path.GetFileName(path), Case.Sensitive, result.Error);
        result.Error.ShouldMatch(@"\d", result.Error);
    }

    [Theory]
    [InlineData("config", "flow sequences")]
    [InlineData("config", "flow mappings")]
    [InlineData("config", "block sequences")]
    [InlineData("values", "flow sequences")]
    [InlineData("values", "flow mappings")]
    [InlineData("values", "block sequences")]
    [InlineData("template.yaml", "flow sequences")]
    [InlineData("template.yaml", "flow mappings")]
    [InlineData("template.yaml", "block sequences")]
    [InlineData("edited file", "flow sequences")]
    [InlineData("edited file", "flow mappings")]
    [InlineData("edited file", "block sequences")]
    public void Nesting_100000_levels_deep_is_refused_in_its_own_process(string input, string nesting)
    {
        // In a process of its own: a stack overflow ends the process whatever catches it.
        var (path, args) = Place(input);
        var deep = nesting switch
        {
            "flow sequences" => Body(input, new string('[', 100_000)),
            "flow mappings" => Body(input, string.Concat(Enumerable.Repeat("{a: ", 100_000))),
            _ => string.Concat(Enumerable.Repeat("- ", 100_000)) + "x\n",
        };
        File.WriteAllText(path, deep);
        var before = repo.Snapshot();
        var result = BuiltCli.Run(repo.Root, args, HangGuard);
        Refused(result, $"{input} nested {nesting}");
        result.Error.ShouldContain("deeper than 128 levels", Case.Sensitive, result.Error);
        repo.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void An_alias_cycle_beside_the_edited_list_leaves_the_edit_working()
    {
        File.AppendAllText(repo.PathOf(ResourceSet), "---\nkind: Other\nloop: &a [*a]\nlaughs: " + Hostile("billion laughs") + "\n");
        var result = RunGuarded(["new", "app", "wiki"], null);
        result.ExitCode.ShouldBe(0, result.Error);
        repo.Read(ResourceSet).ShouldContain("name: wiki");
    }

    [Fact]
    public void A_config_that_is_a_symlink_out_of_the_repository_is_refused()
    {
        var target = Path.Combine(outside, "config.yaml");
        File.Copy(repo.PathOf(".scaffold.yaml"), target);
        File.Delete(repo.PathOf(".scaffold.yaml"));
        File.CreateSymbolicLink(repo.PathOf(".scaffold.yaml"), target);
        var result = RunGuarded(["new", "app", "wiki"], null);
        Refused(result, "config linked outside");
        result.Error.ShouldContain("symbolic link");
        File.Delete(repo.PathOf(".scaffold.yaml"));
        File.Copy(target, repo.PathOf(".scaffold.yaml"));
    }

    [Fact]
    public void A_config_that_is_a_symlink_inside_the_repository_is_read()
    {
        File.Move(repo.PathOf(".scaffold.yaml"), repo.PathOf("conventions.yaml"));
        File.WriteAllText(repo.PathOf("conventions.yaml"), "clusters:\n  default: [dev]\n  known: [live, dev]\n");
        File.CreateSymbolicLink(repo.PathOf(".scaffold.yaml"), "conventions.yaml");
        var result = RunGuarded(["new", "app", "wiki", "--dry-run"], null);
        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain("kubernetes/clusters/dev/apps/wiki/");
    }

    [Fact]
    public void A_config_that_is_a_dangling_symlink_is_refused()
    {
        File.Delete(repo.PathOf(".scaffold.yaml"));
        File.CreateSymbolicLink(repo.PathOf(".scaffold.yaml"), "missing.yaml");
        Refused(RunGuarded(["new", "app", "wiki"], repo.PathOf(".scaffold.yaml")), "dangling config link");
    }

    [Fact]
    public void The_size_limit_is_16_MiB_by_default()
    {
        // A comment fills the file: only its size can make it fail.
        var path = Path.Combine(outside, "values.yaml");
        WriteSized(path, "- name: wiki\n", 16 << 20);
        repo.Run("new", "app", "--values", path, "--dry-run").ExitCode.ShouldBe(0);
        WriteSized(path, "- name: wiki\n", (16 << 20) + 1);
        var result = repo.Run("new", "app", "--values", path, "--dry-run");
        Refused(result, "values of 16 MiB + 1");
        result.Error.ShouldContain("larger than 16 MiB");
        result.Error.ShouldContain("SCAFFOLD_MAX_INPUT_SIZE");
    }

    [Theory]
    [InlineData("1KiB", 1024, true)]
    [InlineData("1KiB", 1025, false)]
    [InlineData("2048", 2048, true)]
    [InlineData("2048", 2049, false)]
    [InlineData("20MiB", 17 << 20, true)]
    public void The_size_limit_is_set_by_SCAFFOLD_MAX_INPUT_SIZE(string limit, int size, bool accepted)
    {
        WriteSized(repo.PathOf(".scaffold.yaml"), "clusters:\n  default: [live]\n  known: [live, dev]\n", size);
        // An ADR edits no file: the configuration is the only file of the repository read.
        var result = BuiltCli.Run(repo.Root, ["new", "adr", "Use Garage", "--dry-run"], HangGuard, new Dictionary<string, string> { ["SCAFFOLD_MAX_INPUT_SIZE"] = limit });
        if (accepted)
        {
            result.ExitCode.ShouldBe(0, result.Error);
        }
        else
        {
            Refused(result, $"config of {size} bytes, limit {limit}");
            result.Error.ShouldContain(".scaffold.yaml is larger than");
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("lots")]
    [InlineData("16MB")]
    [InlineData("99999999999999GiB")]
    public void A_bad_SCAFFOLD_MAX_INPUT_SIZE_is_refused(string limit)
    {
        var result = BuiltCli.Run(repo.Root, ["new", "app", "wiki", "--dry-run"], HangGuard, new Dictionary<string, string> { ["SCAFFOLD_MAX_INPUT_SIZE"] = limit });
        Refused(result, $"limit {limit}");
        result.Error.ShouldContain("SCAFFOLD_MAX_INPUT_SIZE");
    }

    /// <summary>The text of an input's file with <paramref name="value"/> where its reader walks.</summary>
    private static string Body(string input, string value) => input switch
    {
        "config" => $"evaluate:\n  layers:\n    - {value}\n",
        "values" => $"- name: wiki\n  port: {value}\n",
        "template.yaml" => $"id: evil\ndescription: d\nscope: repo\nvariables: {value}\n",
        _ => $"---\nkind: ResourceSet\nmetadata:\n  name: apps\nspec:\n  inputs:\n    - name: a\n      extra: {value}\n",
    };

    private static string Hostile(string name) => name switch
    {
        "unclosed sequence" => "[b, c\n",
        "unclosed mapping" => "{b: c\n",
        "unclosed nested" => "[b, {c: [d, e\n",
        "unclosed quote" => "'unterminated\n",
        "alias cycle" => "&a [*a]",
        "billion laughs" => "[&a0 [x, x, x, x, x, x, x, x, x, x], " + string.Join(", ", Enumerable.Range(1, 9).Select(i => $"&a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]")) + "]",
        "bad directive" => "x\n%YAML 99999999999.1\n---\na: b",
        "tab indent" => "\n\t- a: b\n",
        "complex key" => "{? [a]: b, c: d}",
        _ => "{a: b, a: c}",
    };

    /// <summary>The absolute path of an input's file (its folder made, the original moved away) and its command.</summary>
    private (string Path, string[] Args) Place(string input)
    {
        var spec = Inputs[input];
        spec.Prepare?.Invoke(repo);
        var path = spec.Path.StartsWith("OUTSIDE/", StringComparison.Ordinal) ? Path.Combine(outside, spec.Path[8..]) : repo.PathOf(spec.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (File.Exists(path))
        {
            File.Move(path, path + ".original");
        }

        return (path, spec.Args.Select(a => a.Replace("OUTSIDE/", outside + "/", StringComparison.Ordinal)).ToArray());
    }

    /// <summary>
    /// Runs the tool in-process within the hang guard. A run still blocked then (reading a FIFO) is released by
    /// opening the FIFO for writing, and the test fails. Afterwards the hostile file is removed, the original put back,
    /// and the repository must equal its state before.
    /// </summary>
    private CliResult RunGuarded(string[] args, string? hostilePath)
    {
        var before = Snapshot(hostilePath);
        var stopwatch = Stopwatch.StartNew();
        var run = Task.Run(() => repo.Run(args));
        if (!run.Wait(HangGuard))
        {
            if (hostilePath is not null)
            {
                _ = Task.Run(() => File.WriteAllBytes(hostilePath, []));
            }

            throw new Xunit.Sdk.XunitException($"scaffold {string.Join(' ', args)} still ran after {HangGuard.TotalSeconds} s");
        }

        stopwatch.Stop();
        if (hostilePath is not null)
        {
            Remove(hostilePath);
            if (File.Exists(hostilePath + ".original"))
            {
                File.Move(hostilePath + ".original", hostilePath);
            }

            Snapshot(null).ShouldBe(before);
        }

        return run.Result;
    }

    /// <summary>The repository's files, without the hostile path (a FIFO cannot be read back, a 1 GiB file need not be).</summary>
    private SortedDictionary<string, string> Snapshot(string? hostilePath)
    {
        if (hostilePath is null || !hostilePath.StartsWith(repo.Root, StringComparison.Ordinal))
        {
            return repo.Snapshot();
        }

        // Out of the repository while it is read: a FIFO cannot be read back, a 1 GiB file need not be. The original
        // file, moved aside while the hostile one is in place, counts under its own name.
        var moved = Path.Combine(outside, "aside");
        var aside = !IsFolder(hostilePath) && (File.Exists(hostilePath) || new FileInfo(hostilePath).LinkTarget is not null);
        if (aside)
        {
            File.Move(hostilePath, moved);
        }

        try
        {
            var snapshot = repo.Snapshot();
            var original = Path.GetRelativePath(repo.Root, hostilePath + ".original").Replace('\\', '/');
            if (snapshot.Remove(original, out var content))
            {
                snapshot[Path.GetRelativePath(repo.Root, hostilePath).Replace('\\', '/')] = content;
            }

            return snapshot;
        }
        finally
        {
            if (aside)
            {
                File.Move(moved, hostilePath);
            }
        }
    }

    private static bool IsFolder(string path) => Directory.Exists(path) && new FileInfo(path).LinkTarget is null;

    private static void Remove(string path)
    {
        if (IsFolder(path))
        {
            Directory.Delete(path, recursive: true);
        }
        else
        {
            File.Delete(path);
        }
    }

    private static void Refused(CliResult result, string what)
    {
        result.ExitCode.ShouldBe(2, $"{what}\n{result.Output}{result.Error}");
        result.Error.ShouldNotContain("   at ", Case.Sensitive, what);
        result.Error.ShouldNotContain("Exception", Case.Sensitive, what);
        result.Error.TrimEnd().Split('\n').Length.ShouldBe(1, $"{what}: {result.Error}");
        result.Error.ShouldStartWith("error: ", Case.Sensitive, what);
    }

    private static void WriteSized(string path, string yaml, int size)
    {
        var text = new StringBuilder(yaml).Append('#');
        text.Append('x', size - Encoding.UTF8.GetByteCount(text.ToString()) - 1).Append('\n');
        File.WriteAllText(path, text.ToString());
        new FileInfo(path).Length.ShouldBe(size);
    }
}
