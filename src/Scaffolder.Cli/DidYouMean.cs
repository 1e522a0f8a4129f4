using System.CommandLine;

namespace Scaffolder.Cli;

/// <summary>"Did you mean": the known command, template or option names closest to one the user mistyped.</summary>
internal static class DidYouMean
{
    private const int Shown = 3;

    /// <summary>
    /// The error for the first token of <paramref name="result"/> that names no command or option but is close to one:
    /// an unmatched token, or an option-like token (<c>--x</c>) that landed in an argument. Null when there is none.
    /// </summary>
    public static string? Error(ParseResult result)
    {
        var command = result.CommandResult.Command;
        foreach (var token in result.UnmatchedTokens)
        {
            var isOption = token.StartsWith('-');
            var names = isOption ? OptionNames(result) : SubcommandNames(command);
            var suggestion = Suggestion(token, names);
            if (suggestion is not null)
            {
                var what = isOption ? "option" : command.Name == "new" ? "template" : "command";
                var list = command.Name == "new" && !isOption ? " ('scaffold list' shows every template)" : string.Empty;
                return $"unknown {what} '{token}'; did you mean {suggestion}?{list}";
            }
        }

        foreach (var argument in result.CommandResult.Children.OfType<System.CommandLine.Parsing.ArgumentResult>())
        {
            foreach (var token in argument.Tokens)
            {
                if (token.Value.StartsWith("--", StringComparison.Ordinal) && Suggestion(token.Value, OptionNames(result)) is { } suggestion)
                {
                    return $"unknown option '{token.Value}'; did you mean {suggestion}?";
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The closest of <paramref name="names"/> to <paramref name="token"/> (case-insensitive, leading dashes ignored):
    /// names it starts, or within a third of its length in edits (at least one; a swap of neighbours is one edit).
    /// Ties are all shown, up to three: <c>'a'</c>, <c>'a' or 'b'</c>, <c>'a', 'b' or 'c'</c>.
    /// </summary>
    public static string? Suggestion(string token, IEnumerable<string> names)
    {
        var typed = token.TrimStart('-').ToLowerInvariant();
        if (typed.Length == 0)
        {
            return null;
        }

        var best = new List<string>();
        var bestScore = int.MaxValue;
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            var candidate = name.TrimStart('-').ToLowerInvariant();
            if (candidate == typed)
            {
                continue;
            }

            // A prefix of two or more characters scores like one edit.
            var score = typed.Length >= 2 && candidate.StartsWith(typed, StringComparison.Ordinal) ? 1 : Distance(typed, candidate);
            if (score > Math.Max(1, typed.Length / 3))
            {
                continue;
            }

            if (score < bestScore)
            {
                best.Clear();
                bestScore = score;
            }

            if (score == bestScore)
            {
                best.Add(name);
            }
        }

        if (best.Count == 0)
        {
            return null;
        }

        var quoted = best.Order(StringComparer.Ordinal).Take(Shown).Select(n => $"'{n}'").ToList();
        return quoted.Count == 1 ? quoted[0] : $"{string.Join(", ", quoted[..^1])} or {quoted[^1]}";
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    private static IEnumerable<string> SubcommandNames(Command command) =>
        command.Subcommands.Where(c => !c.Hidden).SelectMany(c => c.Aliases.Prepend(c.Name));

    /// <summary>The options the command takes: its own, and the recursive ones of the commands above it.</summary>
    private static IEnumerable<string> OptionNames(ParseResult result)
    {
        var own = result.CommandResult.Command.Options;
        var inherited = new List<Option>();
        for (var parent = result.CommandResult.Parent as System.CommandLine.Parsing.CommandResult; parent is not null; parent = parent.Parent as System.CommandLine.Parsing.CommandResult)
        {
            inherited.AddRange(parent.Command.Options.Where(o => o.Recursive));
        }

        return own.Concat(inherited).Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name));
    }
}
