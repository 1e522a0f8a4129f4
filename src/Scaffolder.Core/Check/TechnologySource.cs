namespace Scaffolder.Core.Check;

/// <summary>Where a technology name comes from (SCF033).</summary>
public enum TechnologySource
{
    /// <summary>A chart: a HelmRelease's <c>spec.chart.spec.chart</c> or the last segment of an OCIRepository URL.</summary>
    Chart,

    /// <summary>An app-template container image repository.</summary>
    Image,
}
