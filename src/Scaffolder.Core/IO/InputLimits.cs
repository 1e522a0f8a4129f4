using System.Globalization;

namespace Scaffolder.Core.IO;

/// <summary>
/// Bounds on what the tool reads: the size of a configuration, <c>--values</c>, template or edited file. The default
/// is 16 MiB; the environment variable <c>SCAFFOLD_MAX_INPUT_SIZE</c> (read by the command line, never by a file in
/// the repository, which could raise its own limit) sets another.
/// </summary>
/// <param name="MaxFileBytes">The largest file read, in bytes.</param>
public sealed record InputLimits(long MaxFileBytes)
{
    /// <summary>The environment variable that sets <see cref="MaxFileBytes"/> (bytes, or with a KiB, MiB or GiB suffix).</summary>
    public const string SizeVariable = "SCAFFOLD_MAX_INPUT_SIZE";

    /// <summary>The default largest file: 16 MiB.</summary>
    public const long DefaultMaxFileBytes = 16L << 20;

    /// <summary>16 MiB per file.</summary>
    public static InputLimits Default { get; } = new(DefaultMaxFileBytes);

    /// <summary>
    /// The limits set by <see cref="SizeVariable"/>'s <paramref name="value"/> (the defaults when null or empty), such as
    /// <c>1048576</c>, <c>512KiB</c>, <c>64MiB</c> or <c>1GiB</c>.
    /// </summary>
    /// <exception cref="UserInputException">The value is not a positive size.</exception>
    public static InputLimits FromVariable(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return Default;
        }

        var (digits, unit) = value switch
        {
            _ when value.EndsWith("KiB", StringComparison.Ordinal) => (value[..^3], 1L << 10),
            _ when value.EndsWith("MiB", StringComparison.Ordinal) => (value[..^3], 1L << 20),
            _ when value.EndsWith("GiB", StringComparison.Ordinal) => (value[..^3], 1L << 30),
            _ => (value, 1L),
        };
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 && number <= long.MaxValue / unit
            ? new InputLimits(number * unit)
            : throw new UserInputException($"{SizeVariable} '{Text.DisplayText.Printable(value.Length > 40 ? value[..40] + "…" : value)}' must be a positive size in bytes, or with KiB, MiB or GiB (for example 64MiB)");
    }

    /// <summary>A size for messages: <c>16 MiB</c>, <c>512 KiB</c> or <c>100 bytes</c>.</summary>
    public static string Describe(long bytes) => bytes switch
    {
        _ when bytes >= 1L << 20 && bytes % (1L << 20) == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes >> 20} MiB"),
        _ when bytes >= 1L << 10 && bytes % (1L << 10) == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes >> 10} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };
}
