using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Scaffolder.Core.Planning;

/// <summary>Checks a plan before anything is written: every YAML file it writes must parse.</summary>
public static class PlanValidator
{
    /// <summary>Throws when a planned YAML file does not parse (a template or value broke its structure).</summary>
    public static void Validate(Plan plan)
    {
        foreach (var change in plan.Changes.Where(c => c.Action is ChangeAction.Create or ChangeAction.Update or ChangeAction.Conflict))
        {
            if (!change.Path.EndsWith(".yaml", StringComparison.Ordinal) && !change.Path.EndsWith(".yml", StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                new YamlStream().Load(new StringReader(Encoding.UTF8.GetString(change.After)));
            }
            catch (YamlException ex)
            {
                throw new UserInputException($"generated {change.Path} is not valid YAML (line {ex.Start.Line}): {Config.YamlTree.FirstLine(ex)}");
            }
        }
    }
}
