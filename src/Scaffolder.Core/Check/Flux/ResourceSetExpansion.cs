using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check.Flux;

/// <summary>The objects a ResourceSet generates offline, or why it could not be expanded.</summary>
/// <param name="Documents">The generated documents, in input order then resource order.</param>
/// <param name="Problem">Why the ResourceSet was not (fully) expanded, or null.</param>
public sealed record ResourceSetExpansion(IReadOnlyList<GeneratedDocument> Documents, string? Problem);
