using System.CommandLine;
using System.Text;
using Scaffolder.Core;
using Scaffolder.Core.Config;
using Scaffolder.Core.Planning;

namespace Scaffolder.Cli.Commands;

/// <summary>
/// <c>scaffold init</c>: writes a commented <c>.scaffold.yaml</c> with the defaults, and adds the folder of the
/// apply journal to <c>.gitignore</c> (an interrupted apply's journal and temporary files are never committed), and
/// writes the Renovate config (<see cref="RenovateConfig"/>) unless the repository has one.
/// </summary>
internal static class InitCommand
{
    /// <summary>The <c>.gitignore</c> line for the journal folder.</summary>
    internal const string IgnoreLine = "/" + ApplyJournal.Folder + "/";

    public static Command Create(Session session)
    {
        var command = new Command("init", "Write a commented .scaffold.yaml with the default conventions to the repository root.");
        command.SetAction(_ =>
        {
            var guard = new PathGuard(session.FileSystem, session.RepoRoot);
            var path = guard.Resolve(ConfigLoader.FileName);
            if (session.FileSystem.FileExists(path))
            {
                throw new ConflictException($"{ConfigLoader.FileName} already exists; nothing written");
            }

            var gitignore = guard.Resolve(".gitignore");
            var ignored = session.FileSystem.FileExists(gitignore) ? session.FileSystem.ReadAllBytes(gitignore) : null;
            var ignoredText = ignored is null ? string.Empty : Encoding.UTF8.GetString(ignored);
            var ignores = ignoredText.Split('\n').Any(l => l.TrimEnd('\r').Trim() is IgnoreLine or "/.scaffold/apply" or ".scaffold/apply/" or ".scaffold/apply");

            var renovate = RenovateConfig.KnownFileNames.Any(name => session.FileSystem.FileExists(guard.Resolve(name)))
                ? null
                : guard.Resolve(RenovateConfig.FileName);

            session.FileSystem.WriteAllBytes(path, Encoding.UTF8.GetBytes(ConfigLoader.DefaultsText));
            session.Output.WriteLine($"create     {ConfigLoader.FileName}");
            if (renovate is not null)
            {
                session.FileSystem.WriteAllBytes(renovate, Encoding.UTF8.GetBytes(RenovateConfig.Text));
                session.Output.WriteLine($"create     {RenovateConfig.FileName}");
            }

            if (!ignores)
            {
                // Appended as text: the rest of the file keeps its bytes (and its line endings).
                var newline = ignoredText.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
                var separator = ignoredText.Length == 0 || ignoredText.EndsWith('\n') ? string.Empty : newline;
                var addition = Encoding.UTF8.GetBytes($"{separator}# scaffold's journal of an interrupted apply{newline}{IgnoreLine}{newline}");
                session.FileSystem.WriteAllBytes(gitignore, [.. ignored ?? [], .. addition]);
                session.Output.WriteLine($"{(ignored is null ? "create" : "update"),-10} .gitignore");
            }

            return CliApp.Ok;
        });
        return command;
    }
}
