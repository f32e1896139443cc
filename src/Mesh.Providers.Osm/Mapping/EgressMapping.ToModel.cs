using System.Globalization;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Osm.Resources;
using Mesh.Providers.Osm.Translation;

namespace Mesh.Providers.Osm.Mapping;

/// <summary>
/// Egress policies → external services of the Egress's name and namespace: its hosts, its IP ranges as addresses (a /32 as the address) and its ports
/// (<c>http</c> → HTTP, <c>https</c> → TLS, <c>tcp</c> → TCP), resolved by DNS. An Egress lets out the workloads of its
/// sources, the model's external services every caller: the sources are reported, as are HTTPRouteGroup matches and an Egress
/// without hosts (the model names an external service by its hosts).
/// </summary>
internal static partial class EgressMapping
{
    public static List<ExternalService> ToModel(ImportIndex index, List<MeshService> services, ImportContext ctx)
    {
        var externals = new List<ExternalService>();
        foreach (var doc in index.Egresses.Values)
        {
            ctx.ReportMetadata(doc.Resource.Metadata, doc.Source);
            if (doc.Resource.Spec is not { } spec)
            {
                ctx.Invalid(doc.Source, "$.spec", "An Egress needs a spec (sources, ports).");
                continue;
            }
            if (spec.Sources is { Count: > 0 }) ctx.NotImportedInfo(doc.Source, "$.spec.sources", "An Egress lets out the workloads of its sources; the model's external service may be called by every service.");
            if (spec.Matches is { Count: > 0 }) ctx.NotImported(doc.Source, "$.spec.matches", "The model's external services have no HTTP route matches: every request to the hosts is let out.");
            var hosts = new List<string>();
            var list = spec.Hosts ?? [];
            for (var k = 0; k < list.Count; k++)
            {
                if (list[k] is { } host && Validation.DnsNames.IsHostName(host) && !hosts.Contains(host)) hosts.Add(host);
                else ctx.NotImported(doc.Source, $"$.spec.hosts[{k.ToString(CultureInfo.InvariantCulture)}]", $"'{list[k]}' is not a host name; it is not imported.");
            }
            if (hosts.Count == 0)
            {
                ctx.NotImported(doc.Source, "$.spec", "The Egress names no host (it lets out traffic to IP ranges or ports only): the model names an external service by its hosts, so it is not imported.");
                continue;
            }
            DeclareSources(doc, spec, services, ctx);
            var addresses = new List<string>();
            var ips = spec.IpAddresses ?? [];
            for (var k = 0; k < ips.Count; k++)
            {
                // The export writes an IPv4 address as its /32 range: it is read back as the address.
                if (ips[k] is { } ip && Validation.IpAddresses.IsIpOrCidr(ip)) addresses.Add(ip.EndsWith("/32", StringComparison.Ordinal) && Validation.IpAddresses.IsIpAddress(ip[..^3]) ? ip[..^3] : ip);
                else ctx.NotImported(doc.Source, $"$.spec.ipAddresses[{k.ToString(CultureInfo.InvariantCulture)}]", $"'{ips[k]}' is not an IP range; it is not imported.");
            }
            var ports = new List<ServicePort>();
            var portList = spec.Ports ?? [];
            for (var k = 0; k < portList.Count; k++)
            {
                var path = $"$.spec.ports[{k.ToString(CultureInfo.InvariantCulture)}]";
                if (portList[k] is not { } port) continue;
                if (port.Number is not (>= 1 and <= 65535) || ports.Exists(p => p.Port == port.Number))
                {
                    ctx.Invalid(doc.Source, $"{path}.number", $"'{port.Number}' is not a port number this Egress declares once (1–65535).");
                    continue;
                }
                Protocol? protocol = port.Protocol?.ToLowerInvariant() switch
                {
                    "http" => Protocol.Http,
                    "https" => Protocol.Tls,
                    "tcp" => Protocol.Tcp,
                    _ => null,
                };
                if (protocol is null)
                {
                    ctx.Invalid(doc.Source, $"{path}.protocol", $"'{port.Protocol}' is not an Egress protocol (http, https or tcp).");
                    continue;
                }
                ports.Add(new ServicePort { Port = port.Number.Value, Protocol = protocol.Value });
            }
            externals.Add(new ExternalService { Name = doc.Name, Namespace = doc.Namespace, Hosts = [.. hosts], Addresses = [.. addresses], Ports = [.. ports] });
        }
        return externals;
    }

    /// <summary>
    /// The service of each source account the input does not declare, declared (no ports; its workloads run as that account,
    /// <see cref="Identities"/>): so the model has the callers the export writes the Egress for.
    /// </summary>
    private static void DeclareSources(ImportDocument<Egress> doc, EgressSpec spec, List<MeshService> services, ImportContext ctx)
    {
        var sources = spec.Sources ?? [];
        for (var k = 0; k < sources.Count; k++)
        {
            if (sources[k] is not { Kind: Identities.ServiceAccountKind, Name: { } name } source || !Validation.DnsNames.IsDnsLabel(name)) continue;
            var ns = string.IsNullOrEmpty(source.Namespace) ? doc.Namespace : source.Namespace;
            if (!Validation.DnsNames.IsDnsLabel(ns) || services.Exists(s => s.Name == name && s.Namespace == ns)) continue;
            services.Add(new MeshService { Name = name, Namespace = ns });
            ctx.Inferred(doc.Source, $"$.spec.sources[{k.ToString(CultureInfo.InvariantCulture)}]", $"Service '{name}.{ns}' is not in the input; it is declared as the service whose workloads run as this source account (selector {{ {MeshService.DefaultSelectorKey}: {name} }}, no port).");
        }
    }
}
