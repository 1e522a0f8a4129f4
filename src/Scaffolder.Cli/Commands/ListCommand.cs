using System.CommandLine;

namespace Scaffolder.Cli.Commands;

/// <summary><c>scaffold list</c>: the templates of this repository (built-in and overrides).</summary>
internal static class ListCommand
{
    public static Command Create(Session session)
    {
        var command = new Command("list", "List the templates available in this repository.");
        command.SetAction(_ =>
        {
            foreach (var id in session.Catalog.Ids)
            {
                session.Output.WriteLine($"{id,-12} {session.Catalog.Get(id).Definition.Description}");
            }

            return CliApp.Ok;
        });
        return command;
    }
}
