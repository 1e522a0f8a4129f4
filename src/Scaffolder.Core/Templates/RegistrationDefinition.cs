namespace Scaffolder.Core.Templates;

/// <summary>
/// A template's <c>registration:</c>: where each of its files marked <c>kustomize: true</c> is listed. The engine knows
/// no file name: <see cref="File"/> is the list's file name in the registered file's folder, and the entry (the
/// registered file's name) goes in through the inserter <see cref="Inserter"/> with <see cref="With"/> as arguments,
/// unless the plan renders that list itself (a file with <c>collectsResources: true</c> at that path).
/// </summary>
public sealed class RegistrationDefinition
{
    /// <summary>The list's file name, in the folder of each registered file (<c>kustomization.yaml</c>).</summary>
    public string File { get; set; } = string.Empty;

    /// <summary>The inserter id that adds an entry to an existing list (<c>kustomization-resource</c>).</summary>
    public string Inserter { get; set; } = string.Empty;

    /// <summary>The inserter's arguments (<c>path: resources</c>).</summary>
    public Dictionary<string, string> With { get; set; } = [];

    /// <summary>The repository-relative path of the list that registers <paramref name="registeredPath"/>.</summary>
    public string ListPath(string registeredPath)
    {
        ArgumentNullException.ThrowIfNull(registeredPath);
        var slash = registeredPath.LastIndexOf('/');
        return slash < 0 ? File : $"{registeredPath[..slash]}/{File}";
    }
}
