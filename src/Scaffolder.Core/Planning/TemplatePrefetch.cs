using Scaffolder.Core.Rendering;
using Scaffolder.Core.Templates;

namespace Scaffolder.Core.Planning;

/// <summary>
/// Loads, on the calling thread, what a plan of one template will need: the <c>template.yaml</c> of every template it
/// includes (through includes of includes) and the parsed Scriban file and edit templates of all of them. Run on a
/// second core while the command line and config are read, it takes that work off the plan's critical path. Nothing
/// it does is visible: a template that fails to load or parse is left for the plan to report.
/// </summary>
public static class TemplatePrefetch
{
    /// <summary>Loads the templates reachable from <paramref name="templateId"/> and parses their files into <paramref name="renderer"/>'s cache.</summary>
    public static void Load(TemplateCatalog catalog, TemplateRenderer renderer, string templateId)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(renderer);
        var pending = new Queue<string>([templateId]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { templateId };
        while (pending.TryDequeue(out var id))
        {
            LoadedTemplate template;
            try
            {
                template = catalog.Get(id);
                foreach (var include in template.Definition.Includes)
                {
                    if (seen.Add(include.Template))
                    {
                        pending.Enqueue(include.Template);
                    }
                }

                foreach (var file in template.Definition.Files)
                {
                    renderer.Prepare(template.ReadFile(file.Template), file.Template);
                }

                foreach (var edit in template.Definition.Edits)
                {
                    if (edit.Template is not null)
                    {
                        renderer.Prepare(template.ReadFile(edit.Template), edit.Template);
                    }
                }
            }
            catch (Exception ex) when (ex is UserInputException or IOException or UnauthorizedAccessException)
            {
                // The plan loads the same template and reports the same error.
            }
        }
    }
}
