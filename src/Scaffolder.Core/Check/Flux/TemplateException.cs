using System.Globalization;
using System.Text;

namespace Scaffolder.Core.Check.Flux;

/// <summary>Why a ResourceSet template could not be rendered offline (an unknown function, a syntax error).</summary>
public sealed class TemplateException(string message) : Exception(message);
