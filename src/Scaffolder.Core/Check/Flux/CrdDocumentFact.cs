using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check.Flux;

/// <summary>A document whose apiVersion and kind have a CRD schema (<c>--crds</c>), kept for validation per cluster.</summary>
public sealed record CrdDocumentFact(string File, LocatedDocument Document);
