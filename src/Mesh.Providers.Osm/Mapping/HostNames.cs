using Mesh.Model;
using Mesh.Validation;

namespace Mesh.Providers.Osm.Mapping;

/// <summary>
/// The Service a host name names, as OSM resolves a TrafficSplit's <c>spec.service</c> and an UpstreamTrafficSetting's
/// <c>spec.host</c>: <c>name</c>, <c>name.namespace</c>, <c>name.namespace.svc</c> or <c>name.namespace.svc.&lt;cluster domain&gt;</c>
/// (a name without a namespace is in the resource's namespace).
/// </summary>
internal static class HostNames
{
    /// <summary>The Service <paramref name="host"/> names, or null when it names none of the forms above.</summary>
    public static ServiceRef? Parse(string? host, string defaultNamespace, string clusterDomain)
    {
        if (string.IsNullOrEmpty(host)) return null;
        var text = host.TrimEnd('.');
        var suffix = ".svc." + clusterDomain;
        if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) text = text[..^suffix.Length];
        else if (text.EndsWith(".svc", StringComparison.OrdinalIgnoreCase)) text = text[..^4];
        var parts = text.Split('.');
        return parts switch
        {
            [var name] when DnsNames.IsDnsLabel(name) => new ServiceRef(name, defaultNamespace),
            [var name, var ns] when DnsNames.IsDnsLabel(name) && DnsNames.IsDnsLabel(ns) => new ServiceRef(name, ns),
            _ => null,
        };
    }
}
