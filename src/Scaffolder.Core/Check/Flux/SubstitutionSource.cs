using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check.Flux;

/// <summary>A <c>postBuild.substituteFrom</c> entry: a ConfigMap or Secret whose keys become variables.</summary>
/// <param name="Kind">ConfigMap or Secret.</param>
/// <param name="Name">Its name.</param>
/// <param name="Optional">Whether Flux goes on when it is missing.</param>
public sealed record SubstitutionSource(string Kind, string Name, bool Optional);
