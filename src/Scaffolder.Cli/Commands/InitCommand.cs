using System.CommandLine;
using System.Text;
using Scaffolder.Core;
using Scaffolder.Core.Config;

namespace Scaffolder.Cli.Commands;

/// <summary><c>scaffold init</c>: writes a commented <c>.scaffold.yaml</c> with the defaults.</summary>
internal static class InitCommand
{
    public static Command Create(Session session)
    {
        var command = new Command("init", "Write a commented .scaffold.yaml with the default conventions to the repository root.");
        command.SetAction(_ =>
        {
            var path = Path.Combine(session.RepoRoot, ConfigLoader.FileName);
            if (session.FileSystem.FileExists(path))
            {
                throw new ConflictException($"{ConfigLoader.FileName} already exists; nothing written");
            }

            session.FileSystem.WriteAllBytes(path, Encoding.UTF8.GetBytes(ConfigLoader.DefaultsText));
            session.Output.WriteLine($"create     {ConfigLoader.FileName}");
            return CliApp.Ok;
        });
        return command;
    }
}
