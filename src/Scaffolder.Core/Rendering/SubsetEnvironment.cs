namespace Scaffolder.Core.Rendering;

/// <summary>The partials and helpers a <see cref="SubsetTemplate"/> renders with.</summary>
internal sealed class SubsetEnvironment(IReadOnlyDictionary<string, string> partials)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SubsetTemplate?> parsed = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="name"/> is a helper.</summary>
    public static bool IsHelper(string name) => TemplateHelpers.All.ContainsKey(name);

    /// <summary>The parsed partial, or null when it does not exist or is outside the subset.</summary>
    public SubsetTemplate? Partial(string name) =>
        partials.TryGetValue(name, out var text) ? parsed.GetOrAdd(name, _ => SubsetTemplate.TryParse(text)) : null;

    /// <summary>Calls a helper; a helper that fails (too few arguments, a bad number) leaves the error to Handlebars.Net.</summary>
    public static object? Invoke(string helper, object?[] arguments)
    {
        try
        {
            return TemplateHelpers.All[helper](arguments);
        }
        catch (Exception ex) when (TemplateHelpers.IsHelperFailure(ex))
        {
            throw new SubsetUnsupportedException();
        }
    }
}
