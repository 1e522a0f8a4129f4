using Scaffolder.Core.Data;
using Scaffolder.Core.IO;
using Scaffolder.Core.Text;

namespace Scaffolder.Tests.Cli;

/// <summary><c>scaffold new adr</c>: numbering, slug, date and the stack-fit section.</summary>
public sealed class NewAdrTests
{
    private const string Decisions = "docs/architecture/decisions";

    [Fact]
    public void Two_runs_give_0001_and_0002()
    {
        using var repo = TestRepo.FromSample();

        var first = repo.Run("new", "adr", "Adopt Redis for sessions", "--technology", "redis", "--date", "2025-03-01");
        var second = repo.Run("new", "adr", "Use Tailscale for remote access", "--date", "2025-03-02");

        first.ExitCode.ShouldBe(0, first.Error);
        second.ExitCode.ShouldBe(0, second.Error);
        DecisionFiles(repo).ShouldBe(["0001-adopt-redis-for-sessions.md", "0002-use-tailscale-for-remote-access.md"]);
        var adr = repo.Read($"{Decisions}/0001-adopt-redis-for-sessions.md");
        adr.ShouldStartWith("# 0001. Adopt Redis for sessions\n");
        adr.ShouldContain("- **Date:** 2025-03-01\n");
        adr.ShouldContain("| Cache/KV | Dragonfly | redis |");
        repo.Read($"{Decisions}/0002-use-tailscale-for-remote-access.md").ShouldContain("No technology was given");
    }

    [Fact]
    public void Same_title_again_keeps_its_number_instead_of_duplicating()
    {
        using var repo = TestRepo.FromSample();
        repo.Run("new", "adr", "Adopt Redis", "--date", "2025-03-01").ExitCode.ShouldBe(0);
        repo.Run("new", "adr", "Something else", "--date", "2025-03-01").ExitCode.ShouldBe(0);

        var same = repo.Run("new", "adr", "Adopt Redis", "--date", "2025-03-01");
        var changed = repo.Run("new", "adr", "Adopt Redis", "--date", "2025-03-02");

        same.ExitCode.ShouldBe(0, same.Error);
        same.Output.ShouldNotContain("create");
        changed.ExitCode.ShouldBe(3, changed.Output);
        DecisionFiles(repo).ShouldBe(["0001-adopt-redis.md", "0002-something-else.md"]);
    }

    [Fact]
    public void Numbering_continues_after_the_highest_number_and_ignores_other_files()
    {
        using var repo = TestRepo.FromSample();
        repo.Write($"{Decisions}/0001-first.md", "# 1\n");
        repo.Write($"{Decisions}/0007-seventh.md", "# 7\n");
        repo.Write($"{Decisions}/README.md", "# Decisions\n");
        repo.Write($"{Decisions}/0099-draft.txt", "not markdown\n");
        repo.Write($"{Decisions}/42-short.md", "not four digits\n");
        repo.Write($"{Decisions}/0500/0900-nested.md", "in a sub-folder\n");

        var result = repo.Run("new", "adr", "Next one", "--date", "2025-03-01");

        result.ExitCode.ShouldBe(0, result.Error);
        File.Exists(repo.PathOf($"{Decisions}/0008-next-one.md")).ShouldBeTrue(string.Join(", ", DecisionFiles(repo)));
    }

    [Fact]
    public void Decisions_folder_comes_from_the_config()
    {
        using var repo = TestRepo.FromSample();
        File.AppendAllText(repo.PathOf(".scaffold.yaml"), "\npaths:\n  decisions: docs/adr\n");

        var result = repo.Run("new", "adr", "Custom folder", "--date", "2025-03-01");

        result.ExitCode.ShouldBe(0, result.Error);
        File.Exists(repo.PathOf("docs/adr/0001-custom-folder.md")).ShouldBeTrue();
    }

    [Fact]
    public void Status_and_invalid_date_are_validated()
    {
        using var repo = TestRepo.FromSample();

        repo.Run("new", "adr", "X", "--status", "maybe").ExitCode.ShouldBe(2);
        repo.Run("new", "adr", "X", "--date", "2025-02-30").ExitCode.ShouldBe(2);
        var accepted = repo.Run("new", "adr", "X", "--status", "accepted", "--date", "2025-02-28");
        accepted.ExitCode.ShouldBe(0, accepted.Error);
        repo.Read($"{Decisions}/0001-x.md").ShouldContain("- **Status:** accepted\n");
    }

    [Theory]
    [InlineData("Adopt Redis 7.2 for sessions!", "adopt-redis-7-2-for-sessions")]
    [InlineData("  --Use   Garage__S3--  ", "use-garage-s3")]
    [InlineData("Café über Ölmühle", "cafe-uber-olmuhle")]
    [InlineData("!!!", "")]
    public void Slug_is_lowercase_ascii_with_single_dashes(string title, string expected) =>
        Slug.Of(title).ShouldBe(expected);

    [Fact]
    public void Slug_is_at_most_60_characters_without_a_trailing_dash()
    {
        var slug = Slug.Of(string.Join(' ', Enumerable.Repeat("abcdefghi", 10)));

        slug.Length.ShouldBeLessThanOrEqualTo(60);
        slug.ShouldNotEndWith("-");
        slug.ShouldStartWith("abcdefghi-abcdefghi");
    }

    [Fact]
    public void Title_without_letters_or_digits_gets_a_fallback_file_name()
    {
        using var repo = TestRepo.FromSample();

        repo.Run("new", "adr", "???", "--date", "2025-03-01").ExitCode.ShouldBe(0);

        DecisionFiles(repo).ShouldBe(["0001-decision.md"]);
    }

    [Fact]
    public void Today_prefers_the_argument_then_SOURCE_DATE_EPOCH_then_the_clock()
    {
        var context = new DataContext(PhysicalFileSystem.Instance, Path.GetTempPath(), "adr");
        var clock = new FixedClock(new DateTimeOffset(2030, 6, 15, 12, 0, 0, TimeSpan.Zero));
        var withEpoch = new TodayProvider(name => name == "SOURCE_DATE_EPOCH" ? "1735689600" : null, clock);
        var withoutEpoch = new TodayProvider(_ => null, clock);

        withEpoch.Load(new Dictionary<string, string> { ["date"] = "2024-02-29" }, context).ShouldBe("2024-02-29");
        withEpoch.Load(new Dictionary<string, string> { ["date"] = "" }, context).ShouldBe("2025-01-01");
        withoutEpoch.Load(new Dictionary<string, string>(), context).ShouldBe("2030-06-15");
        Should.Throw<Scaffolder.Core.UserInputException>(() => new TodayProvider(_ => "yesterday", clock).Load(new Dictionary<string, string>(), context));
    }

    private static List<string> DecisionFiles(TestRepo repo) =>
        Directory.EnumerateFiles(repo.PathOf(Decisions)).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()!;

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
