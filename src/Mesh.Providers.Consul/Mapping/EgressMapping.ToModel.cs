using System.Net;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Consul.Translation;

namespace Mesh.Providers.Consul.Mapping;

/// <summary>
/// A <c>ServiceDefaults</c> with a <c>destination</c> → an external service named after it: the host names are its hosts, and
/// IP addresses make a static resolution to them (otherwise DNS); its port takes the entry's protocol. A TerminatingGateway's
/// linked services that are destinations are carried by those; linked services that are not (catalog-registered external
/// services) and TLS settings are reported.
/// </summary>
internal static partial class EgressMapping
{
    public static List<ExternalService> ToModel(ConsulImportIndex index, ImportContext ctx)
    {
        var result = new List<ExternalService>();
        foreach (var (key, doc) in index.Defaults)
        {
            if (doc.Resource.Spec?.Destination is not { } destination) continue;
            var addresses = (destination.Addresses ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).ToList();
            if (addresses.Count < (destination.Addresses?.Count ?? 0)) ctx.Invalid(doc.Source, "$.spec.destination.addresses", "An address of the destination is empty; Consul rejects it.");
            if (addresses.Count == 0)
            {
                ctx.Invalid(doc.Source, "$.spec.destination.addresses", "Consul rejects a destination without addresses.");
                continue;
            }
            // The export writes the hosts, then the IP addresses of a static resolution: IPs are the addresses, the rest the hosts.
            var ips = addresses.Where(a => IPAddress.TryParse(a, out _)).ToList();
            var hosts = addresses.Where(a => !IPAddress.TryParse(a, out _)).ToList();
            if (hosts.Count == 0)
            {
                // The model names an external service by its hosts; inventing one would route a name nobody calls.
                ctx.NotImported(doc.Source, "$.spec.destination.addresses", $"The model's external services are named by host, and the destination of '{key.Name}' lists IP addresses only: not imported. Add the host name its callers use to the addresses.");
                continue;
            }
            Protocol protocol = doc.Resource.Spec.Protocol switch
            {
                "http" => Protocol.Http,
                "http2" => Protocol.Http2,
                "grpc" => Protocol.Grpc,
                _ => Protocol.Tcp,
            };
            result.Add(new ExternalService
            {
                Name = key.Name,
                Namespace = key.Namespace,
                Hosts = [.. hosts],
                Addresses = [.. ips],
                Resolution = ips.Count > 0 ? Resolution.Static : Resolution.Dns,
                Ports = destination.Port is { } port ? [new ServicePort { Port = port, Protocol = protocol }] : default,
            });
        }
        foreach (var doc in index.Gateways)
        {
            ctx.ReportMetadata(doc.Resource.Metadata, doc.Source);
            var linked = doc.Resource.Spec?.Services ?? [];
            for (var i = 0; i < linked.Count; i++)
            {
                var service = linked[i];
                var path = $"$.spec.services[{i}]";
                // Community Edition has one Consul namespace: a linked service is the destination of its name in any Kubernetes namespace.
                var ns = index.NamespaceOf(service.Namespace, doc.Namespace, doc.Source, path + ".namespace", ctx);
                if (service.CaFile is not null || service.CertFile is not null || service.KeyFile is not null || service.Sni is not null)
                {
                    ctx.NotImported(doc.Source, path, "The model's external services carry no TLS origination settings: caFile, certFile, keyFile and sni are not carried.");
                }
                if (service.Name is null || !result.Any(e => e.Name == service.Name && (e.Namespace == ns || !index.Enterprise)))
                {
                    ctx.NotImported(doc.Source, path + ".name", $"'{service.Name}' is not a ServiceDefaults destination in the input (a catalog-registered external service has no model form here): not imported.");
                }
            }
        }
        return result;
    }
}
