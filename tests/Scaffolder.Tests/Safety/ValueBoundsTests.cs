namespace Scaffolder.Tests.Safety;

/// <summary>
/// Bounds on option values: a host name of more than 253 characters or with a label of more than 63, a size of zero,
/// and any option value of more than 1024 characters exit 2 with one line naming the option, and change nothing.
/// Values at the bounds are accepted.
/// </summary>
public sealed class ValueBoundsTests : IDisposable
{
    private readonly TestRepo repo = TestRepo.FromSample();

    public void Dispose() => repo.Dispose();

    public static TheoryData<string> HostCommands => new() { "app", "route" };

    private static string[] WithHost(string command, string host) => command == "app"
        ? ["new", "app", "wiki", "--route", "internal", "--host", host]
        : ["new", "route", "wiki", "--app", "miniflux", "--host", host];

    [Theory]
    [MemberData(nameof(HostCommands))]
    public void A_host_name_of_253_characters_with_63_character_labels_is_accepted(string command)
    {
        var host = string.Join('.', new string('a', 63), new string('b', 63), new string('c', 63), new string('d', 61));
        host.Length.ShouldBe(253);
        var result = repo.Run([.. WithHost(command, host), "--dry-run"]);
        result.ExitCode.ShouldBe(0, result.Error);
    }

    [Theory]
    [MemberData(nameof(HostCommands))]
    public void A_host_name_over_253_characters_is_refused(string command)
    {
        var host = string.Join('.', new string('a', 63), new string('b', 63), new string('c', 63), new string('d', 62));
        host.Length.ShouldBe(254);
        var result = Refused(WithHost(command, host));
        result.Error.ShouldContain("--host");
        result.Error.ShouldContain("253");
    }

    [Theory]
    [MemberData(nameof(HostCommands))]
    public void A_host_label_over_63_characters_is_refused(string command)
    {
        var result = Refused(WithHost(command, "wiki." + new string('x', 64)));
        result.Error.ShouldContain("--host");
        result.Error.ShouldContain("63");
        repo.Run([.. WithHost(command, "wiki." + new string('x', 63)), "--dry-run"]).ExitCode.ShouldBe(0);
    }

    public static TheoryData<string, string> ZeroSizes()
    {
        var data = new TheoryData<string, string>();
        foreach (var zero in new[] { "0", "0Gi", "00Mi", "0.0Gi", "0.000Ki", "0k" })
        {
            data.Add("storage --size", $"new storage data --app miniflux --block --size {zero}");
            data.Add("storage --max-size", $"new storage data --app miniflux --object --max-size {zero}");
            data.Add("database --size", $"new database miniflux --app miniflux --mode dedicated --size {zero}");
            data.Add("app --volume", $"new app wiki --volume data:{zero}");
            data.Add("storage --volume", $"new storage data --app miniflux --volume data:{zero}");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ZeroSizes))]
    public void A_zero_size_is_refused(string option, string command)
    {
        var result = Refused(command.Split(' '));
        result.Error.ShouldContain(option.Split(' ')[1]);
        result.Error.ShouldContain("zero");
    }

    [Theory]
    [InlineData("new storage data --app miniflux --block --size 0.5Gi")]
    [InlineData("new storage data --app miniflux --block --size 1Ki")]
    [InlineData("new storage data --app miniflux --object --max-size 0.01Ki")]
    [InlineData("new app wiki --volume data:10Mi")]
    public void A_small_size_above_zero_is_accepted(string command)
    {
        var result = repo.Run([.. command.Split(' '), "--dry-run"]);
        result.ExitCode.ShouldBe(0, result.Error);
    }

    public static TheoryData<string, string> LongValues()
    {
        var data = new TheoryData<string, string>();
        data.Add("--health-path", "new app wiki --health-path /" + new string('a', 1024));
        data.Add("--image", "new app wiki --image ghcr.io/" + new string('a', 1100));
        data.Add("--key", "new secret s --app miniflux --key " + new string('A', 5000));
        data.Add("--secret", "new app wiki --secret " + new string('A', 1025));
        data.Add("--dep-name", "new pin p --version 1.0.0 --datasource helm --dep-name " + new string('x', 1025));
        data.Add("--extract-version", "new pin p --version 1.0.0 --datasource helm --dep-name x --extract-version " + new string('x', 100_000));
        data.Add("--depends-on", "new app wiki --depends-on " + string.Join(',', Enumerable.Repeat("a", 600)));
        return data;
    }

    [Theory]
    [MemberData(nameof(LongValues))]
    public void An_option_value_over_1024_characters_is_refused(string option, string command)
    {
        var result = Refused(command.Split(' '));
        result.Error.ShouldContain(option);
        result.Error.ShouldContain("at most 1024 characters");
        result.Error.Length.ShouldBeLessThan(400, "the message shows the start of the value only");
    }

    [Fact]
    public void An_option_value_of_1024_characters_is_accepted()
    {
        var result = repo.Run("new", "pin", "p", "--version", "1.0.0", "--datasource", "helm", "--dep-name", "x", "--extract-version", new string('x', 1024), "--dry-run");
        result.ExitCode.ShouldBe(0, result.Error);
    }

    [Fact]
    public void A_long_value_in_a_values_file_names_its_entry()
    {
        var values = repo.PathOf("values.yaml");
        File.WriteAllText(values, $"- name: wiki\n- name: blog\n  health-path: /{new string('a', 2000)}\n");
        var result = Refused(["new", "app", "--values", values]);
        result.Error.ShouldContain("entry 2");
        result.Error.ShouldContain("at most 1024 characters");
        File.Delete(values);
    }

    [Fact]
    public void A_zero_size_in_a_values_file_names_its_entry()
    {
        var values = repo.PathOf("values.yaml");
        File.WriteAllText(values, "- name: wiki\n  volume: [data:1Gi, cache:0Mi]\n");
        var result = Refused(["new", "app", "--values", values]);
        result.Error.ShouldContain("entry 1");
        result.Error.ShouldContain("zero");
        File.Delete(values);
    }

    private CliResult Refused(string[] args)
    {
        var before = repo.Snapshot();
        var result = repo.Run(args);
        var what = string.Join(' ', args.Select(a => a.Length > 40 ? a[..40] + "…" : a));
        result.ExitCode.ShouldBe(2, $"{what}\n{result.Output}{result.Error}");
        result.Error.ShouldNotContain("   at ", Case.Sensitive, what);
        result.Error.TrimEnd().Split('\n').Length.ShouldBe(1, $"{what}: {result.Error}");
        repo.Snapshot().ShouldBe(before, what);
        return result;
    }
}
