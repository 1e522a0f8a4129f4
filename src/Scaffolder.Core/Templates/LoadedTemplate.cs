namespace Scaffolder.Core.Templates;

/// <summary>A parsed template and access to its files.</summary>
/// <param name="Definition">The parsed <c>template.yaml</c>.</param>
/// <param name="Origin">The folder it comes from, as errors name it: <c>templates/app</c> (built in) or <c>.scaffold/templates/app</c>.</param>
/// <param name="ReadFile">Reads a file of the template folder by relative name.</param>
public sealed record LoadedTemplate(TemplateDefinition Definition, string Origin, Func<string, string> ReadFile);
