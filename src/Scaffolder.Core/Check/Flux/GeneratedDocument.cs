using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check.Flux;

/// <summary>
/// A document a ResourceSet generates for one input. Nodes of <c>spec.resources</c> keep the lines of the ResourceSet
/// file; documents of <c>resourcesTemplate</c> are located at the template (<paramref name="Line"/>).
/// </summary>
/// <param name="Document">The generated document.</param>
/// <param name="Line">The line of the ResourceSet file the document comes from.</param>
/// <param name="Inputs">The input set it was generated for.</param>
public sealed record GeneratedDocument(LocatedDocument Document, int Line, IReadOnlyDictionary<string, object?> Inputs);
