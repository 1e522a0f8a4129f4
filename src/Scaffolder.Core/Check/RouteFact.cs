namespace Scaffolder.Core.Check;

/// <summary>A route (HTTPRoute or app-template <c>route</c> entry) and how many homepage annotations it carries.</summary>
public sealed record RouteFact(string Unit, int HomepageAnnotations, SourceLocation Location);
