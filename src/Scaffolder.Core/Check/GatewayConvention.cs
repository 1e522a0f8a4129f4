namespace Scaffolder.Core.Check;

/// <summary>A Gateway API gateway routes may attach to.</summary>
/// <param name="Name">The gateway name, for example <c>internal</c>.</param>
/// <param name="Namespace">The gateway namespace, for example <c>istio-gateway</c>.</param>
/// <param name="DomainVariable">The Flux variable holding its domain, for example <c>internal_domain</c>.</param>
public sealed record GatewayConvention(string Name, string Namespace, string DomainVariable)
{
    /// <summary>The hostname suffix routes on this gateway use, for example <c>.${internal_domain}</c>.</summary>
    public string HostSuffix => ".${" + DomainVariable + "}";
}
