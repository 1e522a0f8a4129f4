using System.Globalization;

namespace Scaffolder.Core.Data;

/// <summary>
/// <c>today</c>: a date as <c>yyyy-MM-dd</c>. The argument <c>date</c> wins when given (it must be a valid
/// <c>yyyy-MM-dd</c> date); otherwise the environment variable <c>SOURCE_DATE_EPOCH</c> (seconds since 1970, the
/// reproducible-builds convention) gives the UTC date, so generated files are reproducible; otherwise today's
/// local date.
/// </summary>
public sealed class TodayProvider : IDataProvider
{
    /// <summary>The environment variable that fixes the date.</summary>
    public const string EpochVariable = "SOURCE_DATE_EPOCH";

    private readonly Func<string, string?> environment;
    private readonly TimeProvider clock;

    /// <summary>Creates the provider over the process environment and the system clock.</summary>
    public TodayProvider()
        : this(Environment.GetEnvironmentVariable, TimeProvider.System)
    {
    }

    /// <summary>Creates the provider over the given environment lookup and clock (for tests).</summary>
    public TodayProvider(Func<string, string?> environment, TimeProvider clock)
    {
        this.environment = environment;
        this.clock = clock;
    }

    /// <inheritdoc />
    public string Name => "today";

    /// <inheritdoc />
    public object? Load(IReadOnlyDictionary<string, string> args, DataContext context)
    {
        if (DataContext.Optional(args, "date") is { } given)
        {
            return DateOnly.TryParseExact(given, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : throw new UserInputException($"invalid date '{given}': use yyyy-MM-dd, e.g. 2025-01-31");
        }

        if (environment(EpochVariable) is { Length: > 0 } epoch)
        {
            return long.TryParse(epoch, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= 253402300799
                ? DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : throw new UserInputException($"{EpochVariable}='{epoch}' is not a number of seconds since 1970-01-01");
        }

        return clock.GetLocalNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
