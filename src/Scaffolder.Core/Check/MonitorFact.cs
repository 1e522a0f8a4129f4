namespace Scaffolder.Core.Check;

/// <summary>A unit (app folder or directory) that has a metrics scrape object (ServiceMonitor, PodMonitor).</summary>
public sealed record MonitorFact(string Unit);
