using HandlebarsDotNet;

namespace Scaffolder.Core.Rendering;

/// <summary>
/// Handlebars.Net with the template helpers, for text outside <see cref="SubsetTemplate"/>'s subset and for every
/// error. Created on first use, so a command whose templates all stay in the subset never loads the library.
/// </summary>
internal sealed class HandlebarsRenderer
{
    private readonly IHandlebars handlebars;
    private readonly Dictionary<string, HandlebarsTemplate<object, object>> compiled = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>Creates the environment; partials are compiled the first time a template names them.</summary>
    public HandlebarsRenderer(IReadOnlyDictionary<string, string> partials)
    {
        handlebars = Handlebars.Create(new HandlebarsConfiguration
        {
            NoEscape = true,
            ThrowOnUnresolvedBindingExpression = true,
            PartialTemplateResolver = new LazyPartials(partials),
        });
        foreach (var (name, helper) in TemplateHelpers.All)
        {
            // An unresolved argument (UndefinedBindingResult) reaches a helper as null.
            handlebars.RegisterHelper(name, (_, args) => helper([.. args.Select(arg => arg is UndefinedBindingResult ? null : arg)]));
        }
    }

    /// <summary>Renders <paramref name="text"/>; template errors become one-line <see cref="UserInputException"/>s naming <paramref name="source"/>.</summary>
    public string Render(string text, object context, string source)
    {
        try
        {
            // Partials register themselves on first use: one render at a time (this is the rare, slow path anyway).
            lock (gate)
            {
                if (!compiled.TryGetValue(text, out var template))
                {
                    compiled[text] = template = handlebars.Compile(text);
                }

                return template(context);
            }
        }
        catch (HandlebarsException ex)
        {
            throw new UserInputException($"{source}: template error: {ex.Message.Split('\n')[0]}");
        }
        catch (HandlebarsDotNet.Compiler.HandlebarsUndefinedBindingException ex)
        {
            // Not a HandlebarsException: e.g. a block helper without its argument ("{{#if}}").
            throw new UserInputException($"{source}: template error: {ex.Message.Split('\n')[0]}");
        }
        catch (Exception ex) when (TemplateHelpers.IsHelperFailure(ex))
        {
            // A helper given too few or malformed arguments ("{{part x}}").
            throw new UserInputException($"{source}: template error: a helper failed: {ex.Message}");
        }
    }

    /// <summary>Registers a partial the first time a template names it.</summary>
    private sealed class LazyPartials(IReadOnlyDictionary<string, string> partials) : IPartialTemplateResolver
    {
        public bool TryRegisterPartial(IHandlebars env, string? partialName, string? templatePath)
        {
            if (partialName is null || !partials.TryGetValue(partialName, out var text))
            {
                return false;
            }

            env.RegisterTemplate(partialName, text);
            return true;
        }
    }
}
