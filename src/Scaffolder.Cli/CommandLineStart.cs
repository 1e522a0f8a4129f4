using System.CommandLine;
using System.CommandLine.Help;

namespace Scaffolder.Cli;

/// <summary>
/// What a command line says before its commands exist: the options every command shares (<c>--repo</c>,
/// <c>--no-color</c>, <c>--no-input</c>), whether help was asked for, and the first two words (the command and, for
/// <c>new</c>, the template). The commands cannot be built first: <c>new</c>'s subcommands and their options come from
/// the templates of the repository <c>--repo</c> names, and the palette colours parse errors too. So System.CommandLine
/// parses the line once with the shared options only (the same <see cref="Option"/> objects the commands carry, every
/// other token left unmatched), and these values, not a hand-read copy, are what the session and the commands use.
/// </summary>
internal sealed class CommandLineStart
{
    private const string WordsName = "words";

    private CommandLineStart(ParseResult shared, ParseResult line, bool completing)
    {
        NoColor = shared.GetValue(CliApp.NoColorOption);
        NoInput = shared.GetValue(CliApp.NoInputOption);
        Repo = line.GetValue(Session.RepoOptionDefinition);
        Help = line.Action is HelpAction;
        Completing = completing;
        // An option the shared ones do not know (such as --format) lands among the words: it is not one.
        var words = (line.GetValue<string[]>(WordsName) ?? []).Where(w => !w.StartsWith('-')).ToArray();
        Verb = words.Length > 0 ? words[0] : null;
        // Completing, every template is listed (a word typed so far may be the start of a longer id).
        Template = words.Length > 1 && !completing ? words[1] : null;
    }

    /// <summary>Whether <c>--no-color</c> was given.</summary>
    public bool NoColor { get; }

    /// <summary>Whether <c>--no-input</c> was given.</summary>
    public bool NoInput { get; }

    /// <summary>The <c>--repo</c> value, if given (in a <c>[suggest]</c> request: the one in the line being completed).</summary>
    public string? Repo { get; }

    /// <summary>Whether <c>--help</c> (<c>-h</c>, <c>-?</c>) was given: only then are defaults rendered and examples listed.</summary>
    public bool Help { get; }

    /// <summary>Whether this is a <c>[suggest:N] "line"</c> request (what dotnet-suggest and docs/completion.md's scripts run).</summary>
    public bool Completing { get; }

    /// <summary>The first word that is not an option or an option's value: the command.</summary>
    public string? Verb { get; }

    /// <summary>The second such word: for <c>new</c>, the template id (null in a <c>[suggest]</c> request).</summary>
    public string? Template { get; }

    /// <summary>Parses <paramref name="args"/> for the shared options and the first two words.</summary>
    public static CommandLineStart Parse(string[] args)
    {
        var shared = Shared(args);
        var suggested = SuggestedLine(args);
        return new CommandLineStart(shared, suggested is null ? shared : Shared(suggested), suggested is not null);
    }

    private static ParseResult Shared(string[] args)
    {
        var root = new RootCommand { TreatUnmatchedTokensAsErrors = false };
        root.Options.Add(Session.RepoOptionDefinition);
        root.Options.Add(CliApp.NoColorOption);
        root.Options.Add(CliApp.NoInputOption);
        root.Arguments.Add(new Argument<string[]>(WordsName) { Arity = ArgumentArity.ZeroOrMore });

        // No response files: an option value such as '@x' is a value, never "read the arguments from file x".
        return root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
    }

    /// <summary>
    /// The tokens of the command line being completed by the <c>[suggest:N] "line"</c> directive, so a <c>--repo</c>
    /// typed in that line picks the repository whose config and templates the completions come from; null when
    /// <paramref name="args"/> is not a suggest request.
    /// </summary>
    private static string[]? SuggestedLine(string[] args) =>
        args.Length == 2 && args[0].StartsWith("[suggest", StringComparison.Ordinal)
            ? [.. System.CommandLine.Parsing.CommandLineParser.SplitCommandLine(args[1])]
            : null;
}
