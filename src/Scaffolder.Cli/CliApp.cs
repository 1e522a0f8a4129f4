using System.CommandLine;
using Scaffolder.Cli.Commands;
using Scaffolder.Core;
using Scaffolder.Core.IO;
using Scaffolder.Core.Text;

namespace Scaffolder.Cli;

/// <summary>The command line: builds the commands, runs one, and maps failures to exit codes.</summary>
public static class CliApp
{
    /// <summary>Exit code: success.</summary>
    public const int Ok = 0;

    /// <summary>Exit code: failure (or findings, for check and evaluate).</summary>
    public const int Failure = 1;

    /// <summary>Exit code: invalid input or usage.</summary>
    public const int InvalidInput = 2;

    /// <summary>Exit code: conflict with existing files.</summary>
    public const int Conflict = 3;

    private static readonly TimeSpan RecoveryLockTimeout = TimeSpan.FromSeconds(120);

    /// <summary>The <c>--no-color</c> option, recognised on every command.</summary>
    internal static Option<bool> NoColorOption { get; } = new("--no-color")
    {
        Description = "No colour in the output (also when NO_COLOR is set or the output is not a terminal).",
        Recursive = true,
    };

    /// <summary>The <c>--no-input</c> option, recognised on every command.</summary>
    internal static Option<bool> NoInputOption { get; } = new("--no-input")
    {
        Description = "Never ask for missing values (also when stdin is not a terminal or CI is set).",
        Recursive = true,
    };

    /// <summary>Runs the tool with <paramref name="args"/> in <paramref name="workingDirectory"/>, with no colour and no questions.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, string workingDirectory) =>
        Run(args, output, error, workingDirectory, Terminal.None);

    /// <summary>
    /// Runs the tool with <paramref name="args"/> in <paramref name="workingDirectory"/>, with no colour and no questions,
    /// reading and writing through <paramref name="fileSystem"/> (tests pass an in-memory tree).
    /// </summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, string workingDirectory, IFileSystem fileSystem) =>
        Run(args, output, error, workingDirectory, Terminal.None, fileSystem);

    /// <summary>Runs the tool with <paramref name="args"/> in <paramref name="workingDirectory"/> for <paramref name="terminal"/>.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, string workingDirectory, Terminal terminal) =>
        Run(args, output, error, workingDirectory, terminal, PhysicalFileSystem.Instance);

    /// <summary>
    /// Runs the tool with <paramref name="args"/> in <paramref name="workingDirectory"/> for <paramref name="terminal"/>,
    /// reading and writing through <paramref name="fileSystem"/> (the real one by default); <paramref name="interruption"/>
    /// turns SIGINT and SIGTERM into a roll back and exit 130 or 143.
    /// </summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, string workingDirectory, Terminal terminal, IFileSystem? fileSystem = null, Interruption? interruption = null)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        fileSystem ??= PhysicalFileSystem.Instance;
        interruption ??= Interruption.None;
        // The shared options are read before the commands are built (CommandLineStart says why).
        var start = CommandLineStart.Parse(args);
        terminal = terminal.Restricted(noColor: start.NoColor, noInput: start.NoInput);
        var errors = Palette.For(terminal.ColorError);
        try
        {
            var session = new Session(fileSystem, output, error, workingDirectory, start.Repo, terminal, interruption);
            var root = CreateRoot(session, start);
            Timing.Mark("commands built");
            // No response files: an option value such as '@x' is a value, never "read the arguments from file x".
            var result = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            if (result.Errors.Count > 0 && result.Action is not System.CommandLine.Help.HelpAction)
            {
                // "Required command was not provided" says less than the error naming the unknown token, when there is one.
                var first = result.Errors.FirstOrDefault(e => !e.Message.StartsWith("Required command", StringComparison.Ordinal)) ?? result.Errors[0];
                var message = DidYouMean.Error(result)
                    ?? string.Join(' ', first.Message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                error.WriteLine($"{errors.Error("error:")} {DisplayText.Printable(message)}");
                return InvalidInput;
            }

            if (result.Action is not System.CommandLine.Help.HelpAction && DidYouMean.Error(result) is { } typo)
            {
                // An option-like token such as '--formt' that parsed as an argument value.
                error.WriteLine($"{errors.Error("error:")} {DisplayText.Printable(typo)}");
                return InvalidInput;
            }

            if (result.Action is not System.CommandLine.Help.HelpAction && result.CommandResult.Command is not RootCommand && !start.Completing)
            {
                session.RecoverInterruptedApply(RecoveryLockTimeout);
            }

            return result.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (UserInputException ex)
        {
            error.WriteLine($"{errors.Error("error:")} {ex.Message}");
            return InvalidInput;
        }
        catch (ConflictException ex)
        {
            error.WriteLine($"{errors.Error("conflict:")} {ex.Message}");
            return Conflict;
        }
        catch (OperationCanceledException) when (interruption.ExitCode != 0)
        {
            error.WriteLine("interrupted: the apply was rolled back; nothing was written");
            return interruption.ExitCode;
        }
        catch (IOException ex)
        {
            error.WriteLine($"{errors.Error("failed:")} {ex.Message}");
            return Failure;
        }
        catch (UnauthorizedAccessException ex)
        {
            error.WriteLine($"{errors.Error("failed:")} {ex.Message}");
            return Failure;
        }
    }

    /// <summary>
    /// Builds the root command. <c>new</c> registers only the requested template's subcommand when the second word is a
    /// template id (loading one template instead of all), and every template otherwise, so completion of
    /// <c>new &lt;partial&gt;</c> (and the <c>[suggest]</c> directive) lists all ids.
    /// </summary>
    internal static RootCommand CreateRoot(Session session, CommandLineStart start)
    {
        var root = new RootCommand("scaffold: generate and check GitOps homelab files that follow the stack's conventions.");
        root.Options.Add(Session.RepoOptionDefinition);
        root.Options.Add(NoColorOption);
        root.Options.Add(NoInputOption);
        root.Subcommands.Add(NewCommand.Create(session, start));
        root.Subcommands.Add(ListCommand.Create(session));
        root.Subcommands.Add(InitCommand.Create(session));
        root.Subcommands.Add(EvaluateCommand.Create(session));
        root.Subcommands.Add(CheckCommand.Create(session));
        root.Subcommands.Add(UpdateCommand.Create(session));
        root.Subcommands.Add(RemoveCommand.Create(session));
        return root;
    }
}
