using System.Runtime.CompilerServices;
using Scaffolder.Core.Rendering;

namespace Scaffolder.Tests.Rendering;

/// <summary>
/// Every test that renders a template also renders it with Handlebars.Net and fails on any difference, so the whole
/// suite (every snapshot scenario, pattern and safety case) checks the Handlebars subset against the reference engine.
/// </summary>
internal static class SubsetVerification
{
    [ModuleInitializer]
    internal static void Enable() => TemplateRenderer.VerifySubsetAgainstHandlebars = true;
}
