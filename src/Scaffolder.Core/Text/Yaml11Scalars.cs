namespace Scaffolder.Core.Text;

/// <summary>
/// Recognises plain scalars that YAML 1.1 (Kubernetes, Flux) reads as a boolean, null, number or date rather than as
/// text: y/yes/on/true and their opposites, null and ~, integers (decimal, octal, hex, binary, with '_'), floats,
/// .inf/.nan, and dates such as 2024-01-01. Written by hand rather than as a regular expression because every
/// command checks a name with it and building the regex cost milliseconds at start-up; the tests compare it with the
/// regular expression it replaces.
/// </summary>
public static class Yaml11Scalars
{
    /// <summary>Whether <paramref name="value"/>, written unquoted, is read by YAML 1.1 as something other than text.</summary>
    public static bool IsNonString(ReadOnlySpan<char> value)
    {
        // The replaced pattern ended in '$', which also matches before one final newline.
        if (value.EndsWith('\n'))
        {
            value = value[..^1];
        }

        return IsWord(value) || IsDate(value) || IsNumber(value is ['-' or '+', .. var unsigned] ? unsigned : value);
    }

    private static bool IsWord(ReadOnlySpan<char> value) => value switch
    {
        "y" or "Y" or "yes" or "Yes" or "YES" or "n" or "N" or "no" or "No" or "NO" => true,
        "true" or "True" or "TRUE" or "false" or "False" or "FALSE" => true,
        "on" or "On" or "ON" or "off" or "Off" or "OFF" => true,
        "null" or "Null" or "NULL" or "~" => true,
        _ => false,
    };

    /// <summary><c>[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?</c>, where '.' is any character but a newline.</summary>
    private static bool IsDate(ReadOnlySpan<char> value)
    {
        if (value.Length < 8 || !AllDigits(value[..4]) || value[4] != '-')
        {
            return false;
        }

        var month = Digits(value, 5);
        if (month is < 1 or > 2 || 5 + month >= value.Length || value[5 + month] != '-')
        {
            return false;
        }

        var dayStart = 6 + month;
        var day = Digits(value, dayStart);
        if (day < 1)
        {
            return false;
        }

        // A third digit is not part of the day: "2024-01-011" only matches if the rest could start a time, which '1' cannot.
        var rest = value[(dayStart + Math.Min(day, 2))..];
        return rest.IsEmpty || (rest[0] is 'T' or 't' or ' ' && !rest.Contains('\n'));
    }

    /// <summary>An unsigned YAML 1.1 number: 0, decimal, octal, 0o, hex, binary (with '_'), a float, .inf or .nan.</summary>
    private static bool IsNumber(ReadOnlySpan<char> value)
    {
        switch (value)
        {
            case []:
                return false;
            case ".inf" or ".Inf" or ".INF" or ".nan" or ".NaN" or ".NAN":
                return true;
            case ['0', 'o', .. var octal]:
                return octal.Length > 0 && All(octal, c => c is >= '0' and <= '7');
            case ['0', 'x', .. var hex]:
                return hex.Length > 0 && All(hex, c => char.IsAsciiHexDigit(c) || c == '_');
            case ['0', 'b', .. var binary]:
                return binary.Length > 0 && All(binary, c => c is '0' or '1' or '_');
            case ['0', .. var rest] when rest.Length > 0 && All(rest, c => c is (>= '0' and <= '7') or '_'):
                return true;
        }

        // Decimal integers, floats and exponents: ([0-9][0-9_]*)? then '.' [0-9_]* and an optional exponent, or digits
        // and a mandatory exponent. A plain decimal integer is 0 or starts with 1-9.
        var i = 0;
        while (i < value.Length && (char.IsAsciiDigit(value[i]) || (i > 0 && value[i] == '_')))
        {
            i++;
        }

        if (i == value.Length)
        {
            return value is "0" || value[0] is >= '1' and <= '9';
        }

        if (value[i] == '.')
        {
            i++;
            while (i < value.Length && (char.IsAsciiDigit(value[i]) || value[i] == '_'))
            {
                i++;
            }

            return i == value.Length || IsExponent(value[i..]);
        }

        return i > 0 && IsExponent(value[i..]);
    }

    /// <summary><c>[eE][-+]?[0-9]+</c> to the end.</summary>
    private static bool IsExponent(ReadOnlySpan<char> value)
    {
        if (value is not ['e' or 'E', .. var rest])
        {
            return false;
        }

        if (rest is ['-' or '+', .. var digits])
        {
            rest = digits;
        }

        return rest.Length > 0 && AllDigits(rest);
    }

    /// <summary>The number of ASCII digits at <paramref name="start"/>, at most 3 (enough to tell 1, 2 and "too many").</summary>
    private static int Digits(ReadOnlySpan<char> value, int start)
    {
        var count = 0;
        while (start + count < value.Length && count < 3 && char.IsAsciiDigit(value[start + count]))
        {
            count++;
        }

        return count;
    }

    private static bool AllDigits(ReadOnlySpan<char> value) => All(value, char.IsAsciiDigit);

    private static bool All(ReadOnlySpan<char> value, Func<char, bool> test)
    {
        foreach (var c in value)
        {
            if (!test(c))
            {
                return false;
            }
        }

        return true;
    }
}
