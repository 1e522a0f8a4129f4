using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Scaffolder.Core.Check;
using Scaffolder.Core.IO;
using Scaffolder.Core.Yaml;
using Scaffolder.Tests.Check;

namespace Scaffolder.Tests.Safety;

/// <summary>
/// <c>check</c> on a tree a hostile user made (issue 14 items 3, 10 and 11): parser failures, deep nesting, alias bombs,
/// FIFOs, sockets, devices, links out of the repository, directory cycles and huge files. Each case ends, within 2 s on
/// a thread with a 1 MiB stack, in findings: never an exception, a stack overflow, a hang or a file loaded whole.
/// </summary>
public sealed class CheckHostileTreeTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(2);

    public static TheoryData<string> BrokenYaml() => new()
    {
        "a: [1, 2\n",
        "a: {b: 1\n",
        "a: [1, {b: [2, 3}\n",
        "a: \"unterminated\n",
        "a: 'unterminated\n",
        "a: *nowhere\n",
        "a: &x 1\nb: *y\n",
        "- [}\n",
        "a:\n\t- b\n",
        "%YAML 3.0\n---\na: 1\n",
        "a: 1\n a: 2\nb\n",
        "? [a\n: b\n",
        "a: !<tag [x\n",
        "{[{[{[\n",
        "]]]]\n",
        "---\n...\n...\n---\n- a: b: c\n",
        "a: |\n  x\n y\n",
        "\"\\xZZ\"\n",
        "key: \"\\uD800\"\n",
    };

    [Theory]
    [MemberData(nameof(BrokenYaml))]
    public void Every_parser_failure_is_one_located_finding(string text)
    {
        using var repo = new CheckRepo().Write("kubernetes/broken.yaml", text);

        var report = CheckWithin(repo.Root);

        var finding = report.Findings.Single(f => f.RuleId == "SCF031");
        finding.File.ShouldBe("kubernetes/broken.yaml");
        finding.Message.ShouldStartWith("YAML syntax error: ");
        finding.Message.ShouldNotContain("\n");
        finding.Line.ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public void Random_bytes_and_mutated_manifests_never_throw_from_the_reader()
    {
        var random = new Random(14);
        const string Manifest = "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a # c\n  labels: {x: \"y\", z: [1, 2]}\ndata:\n  k: |\n    v\n  l: &a [*a]\n";
        const string Alphabet = "[]{}:,-?&*!|>'\"#%@` \t\n\\\u00a0\ufeff\u2028a1";
        for (var i = 0; i < 3000; i++)
        {
            var chars = Manifest.ToCharArray();
            for (var m = random.Next(1, 8); m > 0; m--)
            {
                chars[random.Next(chars.Length)] = Alphabet[random.Next(Alphabet.Length)];
            }

            var text = i % 3 == 0 ? new string(Enumerable.Range(0, random.Next(1, 200)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray()) : new string(chars);

            var content = Should.NotThrow(() => YamlStreamReader.Read(text), $"case {i}: {text}");

            content.Error?.Line.ShouldBeGreaterThanOrEqualTo(1);
        }
    }

    public static TheoryData<string, string> DeepNesting() => new()
    {
        { "flow sequences", "---\n" + new string('[', 100_000) + new string(']', 100_000) + "\n" },
        { "flow mappings", "---\n" + string.Concat(Enumerable.Repeat("{a: ", 100_000)) + "1" + new string('}', 100_000) + "\n" },
        { "unclosed flow sequences", "---\n" + new string('[', 100_000) + "\n" },
        { "block sequences on one line", "---\n" + string.Concat(Enumerable.Repeat("- ", 100_000)) + "x\n" },
    };

    [Theory]
    [MemberData(nameof(DeepNesting))]
    public void Nesting_100000_levels_deep_is_one_finding_and_no_stack_overflow(string what, string text)
    {
        using var repo = new CheckRepo().Write("kubernetes/deep.yaml", text);

        var report = CheckWithin(repo.Root);

        var finding = report.Findings.ShouldHaveSingleItem(what);
        finding.RuleId.ShouldBe("SCF031");
        finding.Message.ShouldStartWith("YAML syntax error: ");
    }

    [Fact]
    public void Nesting_within_the_bound_is_read()
    {
        var depth = YamlStreamReader.MaxDepth;
        var content = YamlStreamReader.Read(new string('[', depth) + new string(']', depth) + "\n");

        content.Error.ShouldBeNull();
        content.Documents.ShouldHaveSingleItem().Root.ShouldBeOfType<LocatedSequence>();
    }

    [Fact]
    public void A_billion_laughs_file_is_one_finding()
    {
        var text = new StringBuilder("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\ndata:\n  l0: &l0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (var level = 1; level <= 9; level++)
        {
            var previous = $"*l{level - 1}";
            text.Append($"  l{level}: &l{level} [{string.Join(", ", Enumerable.Repeat(previous, 10))}]\n");
        }

        using var repo = new CheckRepo().Write("kubernetes/lol.yaml", text.ToString());

        var report = CheckWithin(repo.Root);

        var finding = report.Findings.ShouldHaveSingleItem();
        (finding.RuleId, finding.Line).ShouldBe(("SCF031", 12));
        finding.Message.ShouldContain("alias");
    }

    [Fact]
    public void Aliases_that_expand_little_are_read()
    {
        var content = YamlStreamReader.Read("a: &x {b: 1, c: [1, 2]}\nd: *x\ne: *x\n");

        content.Error.ShouldBeNull();
        content.Documents[0].Map!.Get("e").ShouldBeSameAs(content.Documents[0].Map!.Get("a"));
    }

    [Fact]
    public void A_fifo_is_skipped_with_a_note_and_never_opened()
    {
        using var repo = new CheckRepo().Write("kubernetes/a.yaml", Namespace);
        var fifo = Path.Combine(repo.Root, "kubernetes", "pipe.yaml");
        Run("mkfifo", fifo);
        var ended = false;
        try
        {
            var report = CheckWithin(repo.Root);
            ended = true;

            var note = report.Findings.Where(f => f.RuleId == "SCF034").ShouldHaveSingleItem();
            (note.File, note.Severity).ShouldBe(("kubernetes/pipe.yaml", Severity.Note));
            note.Message.ShouldContain("not a regular file");
        }
        finally
        {
            if (!ended)
            {
                // On a regression the check blocks opening the FIFO for reading: a writer lets it go.
                using var unblock = new FileStream(fifo, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1, FileOptions.None);
            }
        }
    }

    [Fact]
    public void A_socket_is_skipped_with_a_note()
    {
        using var repo = new CheckRepo().Write("kubernetes/a.yaml", Namespace);
        var path = Path.Combine(repo.Root, "kubernetes", "agent.env");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));

        var report = CheckWithin(repo.Root);

        report.Findings.Where(f => f.RuleId == "SCF034").ShouldHaveSingleItem().File.ShouldBe("kubernetes/agent.env");
    }

    [Fact]
    public void A_link_to_a_device_is_skipped_with_a_note_and_never_read()
    {
        using var repo = new CheckRepo();
        Directory.CreateDirectory(Path.Combine(repo.Root, "kubernetes"));
        File.CreateSymbolicLink(Path.Combine(repo.Root, "kubernetes", "zero.yaml"), "/dev/zero");
        File.CreateSymbolicLink(Path.Combine(repo.Root, "kubernetes", "random.yaml"), "/dev/urandom");

        var report = CheckWithin(repo.Root);

        report.Findings.Select(f => (f.RuleId, f.File)).ShouldBe([("SCF034", "kubernetes/random.yaml"), ("SCF034", "kubernetes/zero.yaml")]);
        report.FilesScanned.ShouldBe(0);
    }

    [Fact]
    public void A_link_to_a_file_outside_the_repository_is_not_read()
    {
        using var outside = new CheckRepo().Write("secret.yaml", LiteralSecret);
        using var repo = new CheckRepo();
        Directory.CreateDirectory(Path.Combine(repo.Root, "kubernetes"));
        File.CreateSymbolicLink(Path.Combine(repo.Root, "kubernetes", "secret.yaml"), Path.Combine(outside.Root, "secret.yaml"));
        File.CreateSymbolicLink(Path.Combine(repo.Root, "kubernetes", "relative.yaml"), Path.Combine("..", "..", Path.GetFileName(outside.Root), "secret.yaml"));

        var report = CheckWithin(repo.Root);

        report.Findings.Select(f => (f.RuleId, f.File)).ShouldBe([("SCF034", "kubernetes/relative.yaml"), ("SCF034", "kubernetes/secret.yaml")]);
        report.Findings.ShouldAllBe(f => f.Message.Contains("leads out of the repository"));
    }

    [Fact]
    public void A_link_to_a_file_inside_the_repository_is_read()
    {
        using var repo = new CheckRepo().Write("kubernetes/real/secret.yaml", LiteralSecret);
        File.CreateSymbolicLink(Path.Combine(repo.Root, "kubernetes", "linked.yaml"), Path.Combine("real", "secret.yaml"));

        var report = CheckWithin(repo.Root);

        report.Findings.Where(f => f.RuleId == "SCF002").Select(f => f.File).ShouldBe(["kubernetes/linked.yaml", "kubernetes/real/secret.yaml"]);
    }

    [Fact]
    public void A_directory_link_out_of_the_repository_is_not_followed()
    {
        using var outside = new CheckRepo().Write("apps/secret.yaml", LiteralSecret);
        using var repo = new CheckRepo().Write("kubernetes/a.yaml", Namespace);
        Directory.CreateSymbolicLink(Path.Combine(repo.Root, "kubernetes", "apps"), Path.Combine(outside.Root, "apps"));
        Directory.CreateSymbolicLink(Path.Combine(repo.Root, "kubernetes", "etc"), "/etc");

        var report = CheckWithin(repo.Root);

        report.Findings.Select(f => (f.RuleId, f.File)).ShouldBe([("SCF034", "kubernetes/apps"), ("SCF034", "kubernetes/etc")]);
        report.FilesScanned.ShouldBe(1);
    }

    [Fact]
    public void Directory_cycles_are_one_note_each_and_the_walk_ends()
    {
        using var repo = new CheckRepo().Write("kubernetes/a/b/c.yaml", LiteralSecret);
        Directory.CreateSymbolicLink(Path.Combine(repo.Root, "kubernetes", "a", "b", "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(repo.Root, "kubernetes", "a", "b", "root"), repo.Root);
        Directory.CreateSymbolicLink(Path.Combine(repo.Root, "kubernetes", "a", "self"), ".");
        Directory.CreateSymbolicLink(Path.Combine(repo.Root, "kubernetes", "loop1"), "loop2");
        Directory.CreateSymbolicLink(Path.Combine(repo.Root, "kubernetes", "loop2"), "loop1");
        Directory.CreateSymbolicLink(Path.Combine(repo.Root, "kubernetes", "sibling"), Path.Combine("a", "b"));

        var report = CheckWithin(repo.Root);

        report.Findings.Select(f => $"{f.RuleId} {f.File}").ShouldBe(
        [
            "SCF002 kubernetes/a/b/c.yaml",
            "SCF034 kubernetes/a/b/root",
            "SCF034 kubernetes/a/b/up",
            "SCF034 kubernetes/a/self",
        ]);
        report.FilesScanned.ShouldBe(1);
    }

    [Fact]
    public void A_1_GiB_file_is_reported_and_not_loaded()
    {
        using var repo = new CheckRepo().Write("kubernetes/a.yaml", Namespace);
        using (var huge = File.Create(Path.Combine(repo.Root, "kubernetes", "huge.yaml")))
        {
            huge.SetLength(1L << 30);
        }

        var report = CheckWithin(repo.Root, out var allocated);

        var note = report.Findings.ShouldHaveSingleItem();
        (note.RuleId, note.File).ShouldBe(("SCF034", "kubernetes/huge.yaml"));
        note.Message.ShouldContain("64 MiB");
        allocated.ShouldBeLessThan(64L << 20);
    }

    [Fact]
    public void The_read_limit_is_configurable()
    {
        using var repo = new CheckRepo()
            .Write("kubernetes/small.yaml", Namespace)
            .Write("kubernetes/large.yaml", "---\n" + string.Concat(Enumerable.Repeat("# padding padding padding padding\n", 100)));

        var report = CheckWithin(repo.Root, new CheckOptions { MaxFileBytes = 1024 });
        var raised = CheckWithin(repo.Root, new CheckOptions { MaxFileBytes = 8192 });

        var note = report.Findings.ShouldHaveSingleItem();
        (note.RuleId, note.File).ShouldBe(("SCF034", "kubernetes/large.yaml"));
        note.Message.ShouldContain("1 KiB");
        raised.Findings.ShouldBeEmpty();
    }

    [Fact]
    public void The_cli_takes_the_read_limit_and_refuses_a_bad_one_with_one_line()
    {
        using var repo = TestRepo.Empty();
        repo.Write("kubernetes/large.yaml", "---\n" + string.Concat(Enumerable.Repeat("# padding padding padding padding\n", 100)));

        var limited = repo.Run("check", "--max-file-size", "1KiB");
        var bad = repo.Run("check", "--max-file-size", "10GB");

        (limited.ExitCode, limited.Output.Contains("SCF034", StringComparison.Ordinal)).ShouldBe((1, true), limited.Output);
        repo.Run("check", "--max-file-size", "2KiB").ExitCode.ShouldBe(1);
        repo.Run("check", "--max-file-size", "4096").ExitCode.ShouldBe(0);
        bad.ExitCode.ShouldBe(2);
        bad.Error.TrimEnd().Split('\n').ShouldHaveSingleItem().ShouldContain("--max-file-size '10GB'");
    }

    [Theory]
    [InlineData("\uFEFF---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: a\n")]
    [InlineData("\uFEFF---\r\napiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: a\r\n  namespace: a\r\n")]
    [InlineData("\uFEFF# header\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n  namespace: a\n")]
    public void A_bom_before_the_document_start_is_no_finding(string text)
    {
        using var repo = new CheckRepo();
        var path = Path.Combine(repo.Root, "kubernetes", "config.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes(text));

        var report = CheckWithin(repo.Root);

        report.Findings.ShouldBeEmpty();
        report.ManifestsScanned.ShouldBe(text.Split("kind:").Length - 1);
    }

    private const string Namespace = "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n";

    private const string LiteralSecret = "---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n  namespace: a\ndata:\n  password: aHVudGVyMg==\n";

    /// <summary>Checks on a thread with a 1 MiB stack and fails (instead of hanging) when the check takes over 2 s.</summary>
    private static CheckReport CheckWithin(string root, CheckOptions? options = null) => CheckWithin(root, out _, options);

    /// <summary>As <see cref="CheckWithin(string, CheckOptions?)"/>, with the bytes the check allocated (on one thread).</summary>
    private static CheckReport CheckWithin(string root, out long allocated, CheckOptions? options = null)
    {
        CheckReport? report = null;
        long bytes = 0;
        Exception? failure = null;
        var clock = Stopwatch.StartNew();
        var thread = new Thread(
            () =>
            {
                try
                {
                    var before = GC.GetAllocatedBytesForCurrentThread();
                    report = new RepoChecker(PhysicalFileSystem.Instance, CheckConventions.Default)
                        .Check(root, [], (options ?? new CheckOptions()) with { MaxParallelism = 1 });
                    bytes = GC.GetAllocatedBytesForCurrentThread() - before;
                }
                catch (Exception ex)
                {
                    failure = ex;
                }
            },
            maxStackSize: 1024 * 1024) { IsBackground = true };
        thread.Start();
        thread.Join(Bound * 5).ShouldBeTrue("the check hung");
        clock.Elapsed.ShouldBeLessThan(Bound);
        failure.ShouldBeNull();
        allocated = bytes;
        return report!;
    }

    private static void Run(string command, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(command, args) { UseShellExecute = false })!;
        process.WaitForExit();
        process.ExitCode.ShouldBe(0);
    }
}
