using System.Globalization;
using Mesh.Model;
using Mesh.Providers.Osm.Translation;
using Mesh.Translation;

namespace Mesh.Providers.Osm.Mapping;

/// <summary>
/// Service ports as OSM reads them from a Service's <c>appProtocol</c>: <c>http</c>, <c>grpc</c>, <c>tcp</c> (and
/// <c>tcp-server-first</c>). An HTTP/2 port is written <c>http</c> (Envoy's HTTP codec takes HTTP/2 too) and a TLS port
/// <c>tcp</c>; both are reported on the Services written.
/// </summary>
internal static partial class ServicePortMapping
{
    public static string AppProtocolOf(Protocol protocol) => protocol switch
    {
        Protocol.Http or Protocol.Http2 => "http",
        Protocol.Grpc => "grpc",
        _ => "tcp",
    };

    public static void Report(OsmExportContext ctx)
    {
        var services = ctx.Config.Services;
        var leafParents = ctx.Leaves.Leaves.Select(l => l.Parent.Reference).ToHashSet();
        for (var i = 0; i < services.Count; i++)
        {
            var service = services[i];
            if (ctx.Options.ServiceOutput != ServiceOutput.All && !leafParents.Contains(service.Reference)) continue;
            for (var k = 0; k < service.Ports.Count; k++)
            {
                var protocol = service.Ports[k].Protocol;
                if (protocol is not (Protocol.Http2 or Protocol.Tls)) continue;
                ctx.Approximated(
                    $"$.spec.services[{i.ToString(CultureInfo.InvariantCulture)}].ports[{k.ToString(CultureInfo.InvariantCulture)}].protocol",
                    ctx.Message("OSM's appProtocol values are http, grpc and tcp: the {0} port is written as such in the Services.", protocol == Protocol.Http2 ? "http2 port is http," : "tls port is tcp,"));
            }
        }
    }
}
