using System.CommandLine;
using Scaffolder.Cli.Commands;
using Scaffolder.Core;
using Scaffolder.Core.IO;

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

    /// <summary>Runs the tool with <paramref name="args"/> in <paramref name="workingDirectory"/>.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, string workingDirectory)
    {
        try
        {
            var session = new Session(PhysicalFileSystem.Instance, output, error, workingDirectory, RepoOption(args));
            var root = new RootCommand("scaffold: generate and check GitOps homelab files that follow the stack's conventions.");
            root.Options.Add(Session.RepoOptionDefinition);
            root.Subcommands.Add(NewCommand.Create(session, args));
            root.Subcommands.Add(ListCommand.Create(session));
            root.Subcommands.Add(InitCommand.Create(session));
            root.Subcommands.Add(EvaluateCommand.Create(session));
            root.Subcommands.Add(CheckCommand.Create(session));
            // No response files: an option value such as '@x' is a value, never "read the arguments from file x".
            var result = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            if (result.Errors.Count > 0 && result.Action is not System.CommandLine.Help.HelpAction)
            {
                // "Required command was not provided" says less than the error naming the unknown token, when there is one.
                var first = result.Errors.FirstOrDefault(e => !e.Message.StartsWith("Required command", StringComparison.Ordinal)) ?? result.Errors[0];
                var message = string.Join(' ', first.Message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                error.WriteLine($"error: {new string(message.Select(c => char.IsControl(c) ? '?' : c).ToArray())}");
                return InvalidInput;
            }

            return result.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (UserInputException ex)
        {
            error.WriteLine($"error: {ex.Message}");
            return InvalidInput;
        }
        catch (ConflictException ex)
        {
            error.WriteLine($"conflict: {ex.Message}");
            return Conflict;
        }
        catch (IOException ex)
        {
            error.WriteLine($"failed: {ex.Message}");
            return Failure;
        }
        catch (UnauthorizedAccessException ex)
        {
            error.WriteLine($"failed: {ex.Message}");
            return Failure;
        }
    }

    private static string? RepoOption(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--repo" && i + 1 < args.Length)
            {
                return args[i + 1];
            }

            if (args[i].StartsWith("--repo=", StringComparison.Ordinal))
            {
                return args[i]["--repo=".Length..];
            }
        }

        return null;
    }
}
