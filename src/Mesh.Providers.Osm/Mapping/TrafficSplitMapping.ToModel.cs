using System.Globalization;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Osm.Resources;
using Mesh.Providers.Osm.Translation;

namespace Mesh.Providers.Osm.Mapping;

/// <summary>
/// TrafficSplits → model routes: each split is a route named after it, hosted on the root Service <c>spec.service</c> names, with
/// one rule whose backends are the split's (<see cref="BackendMapping"/>, their ports from <see cref="OsmAnnotations.BackendPorts"/>) — a TCP route when the split is annotated
/// <see cref="OsmAnnotations.RouteKind"/> <c>tcp</c> (its port from <see cref="OsmAnnotations.TcpPort"/>), in the namespace
/// <see cref="OsmAnnotations.RouteNamespace"/> names, else the split's. SMI leaves several splits of one root undefined: the
/// first in namespace/name order is kept and every other is reported, naming it.
/// </summary>
internal static partial class TrafficSplitMapping
{
    /// <summary>The annotations the import reads on a TrafficSplit.</summary>
    public static readonly IReadOnlySet<string> Carried = new HashSet<string>(StringComparer.Ordinal) { OsmAnnotations.RouteKind, OsmAnnotations.TcpPort, OsmAnnotations.RouteNamespace, OsmAnnotations.BackendPorts };

    public static (List<HttpRoute> Http, List<Model.TcpRoute> Tcp) ToModel(ImportIndex index, string clusterDomain, ImportContext ctx)
    {
        var http = new List<HttpRoute>();
        var tcp = new List<Model.TcpRoute>();
        var byHost = new Dictionary<ServiceRef, ImportDocument<TrafficSplit>>();
        var names = new Dictionary<(string, string), ImportDocument<TrafficSplit>>();
        foreach (var doc in index.Splits.Values)
        {
            var split = doc.Resource;
            ctx.ReportMetadata(split.Metadata, doc.Source, Carried);
            if (split.Spec is not { } spec)
            {
                ctx.Invalid(doc.Source, "$.spec", "A TrafficSplit needs a spec (service and backends).");
                continue;
            }
            if (HostNames.Parse(spec.Service, doc.Namespace, clusterDomain) is not { } host)
            {
                ctx.Invalid(doc.Source, "$.spec.service", spec.Service is null ? "A TrafficSplit needs its root service." : $"'{spec.Service}' names no Service (name, name.namespace or the cluster FQDN).");
                continue;
            }
            if (byHost.TryGetValue(host, out var kept))
            {
                ctx.NotImported(doc.Source, "$.spec", $"TrafficSplit {kept.Namespace}/{kept.Name} splits {host} too: SMI leaves several splits of one root service undefined, and the model keeps one route per host — {kept.Namespace}/{kept.Name}, the first in namespace/name order; this split is not imported.");
                continue;
            }
            var annotations = split.Metadata?.Annotations;
            var routeNamespace = doc.Namespace;
            if (OsmAnnotations.Get(split.Metadata, OsmAnnotations.RouteNamespace) is { } written)
            {
                if (Validation.DnsNames.IsDnsLabel(written)) routeNamespace = written;
                else ctx.NotImported(doc.Source, "$.metadata.annotations" + JsonPaths.Segment(OsmAnnotations.RouteNamespace), $"'{written}' is not a namespace; the route is read in the split's namespace.");
            }
            if (names.TryGetValue((routeNamespace, doc.Name), out var named))
            {
                ctx.NotImported(doc.Source, "$.metadata", $"TrafficSplit {named.Namespace}/{named.Name} is read as the route {routeNamespace}/{doc.Name} too: the model names a route once, and keeps that one; this split is not imported.");
                continue;
            }
            var backends = BackendMapping.ToModel(doc, ctx);
            if (backends.Count == 0 || backends.All(b => b.Weight == 0))
            {
                ctx.NotImported(doc.Source, "$.spec.backends", "The split sends no traffic (no backend with a weight above zero); OSM then routes the root service as if there were no split, and it is not imported.");
                continue;
            }
            byHost[host] = doc;
            names[(routeNamespace, doc.Name)] = doc;
            if (OsmAnnotations.Get(split.Metadata, OsmAnnotations.RouteKind) == OsmAnnotations.TcpRouteKind)
            {
                int? port = null;
                if (OsmAnnotations.Get(doc.Resource.Metadata, OsmAnnotations.TcpPort) is { } text)
                {
                    if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 65535) port = number;
                    else ctx.NotImported(doc.Source, "$.metadata.annotations" + JsonPaths.Segment(OsmAnnotations.TcpPort), $"'{text}' is not a port number; the TCP route is read without a port.");
                }
                tcp.Add(new Model.TcpRoute { Name = doc.Name, Namespace = routeNamespace, Host = host, Port = port, Backends = [.. backends] });
            }
            else
            {
                http.Add(new HttpRoute { Name = doc.Name, Namespace = routeNamespace, Host = host, Rules = [new HttpRouteRule { Backends = [.. backends] }] });
            }
        }
        return (http, tcp);
    }
}
