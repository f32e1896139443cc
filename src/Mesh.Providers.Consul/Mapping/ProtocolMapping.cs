using Mesh.Model;
using Mesh.Providers.Consul.Translation;

namespace Mesh.Providers.Consul.Mapping;

/// <summary>
/// A service's protocol in its <c>ServiceDefaults</c>. Consul has one protocol per service (not per port) and rejects routers,
/// splitters and L7 intentions of a <c>tcp</c> service, so the first HTTP-family port decides; a service with only TCP or TLS
/// ports is <c>tcp</c>, and one without ports is <c>http</c> when L7 configuration names it.
/// </summary>
internal static class ProtocolMapping
{
    public static string ToConsul(Protocol protocol) => protocol switch
    {
        Protocol.Http => "http",
        Protocol.Http2 => "http2",
        Protocol.Grpc => "grpc",
        _ => "tcp",
    };

    public static bool IsL7(Protocol protocol) => protocol is Protocol.Http or Protocol.Http2 or Protocol.Grpc;

    /// <summary>The Consul protocol of <paramref name="service"/>, or null when it declares no port.</summary>
    public static string? Of(MeshService service)
    {
        if (service.Ports.Count == 0) return null;
        foreach (var port in service.Ports)
        {
            if (IsL7(port.Protocol)) return ToConsul(port.Protocol);
        }
        return "tcp";
    }

    public static void ToConsul(MeshConfig config, ConsulExportContext ctx)
    {
        for (var i = 0; i < config.Services.Count; i++)
        {
            var service = config.Services[i];
            if (Of(service) is not { } protocol) continue;
            ctx.DefaultsOf(service.Reference).Spec.Protocol = protocol;
            var l7 = service.Ports.Where(p => IsL7(p.Protocol)).Select(p => p.Protocol).Distinct().ToList();
            if (l7.Count > 1 || (l7.Count == 1 && service.Ports.Any(p => !IsL7(p.Protocol))))
            {
                ctx.ApproximatedOnce($"$.spec.services[{i}].ports", ctx.Message("Consul has one protocol per service: '{0}' is written for every port of the service.", protocol));
            }
        }
    }

    /// <summary>Ensures <paramref name="service"/> has an L7 protocol for a router, splitter or L7 intention; false when it is declared TCP only.</summary>
    public static bool EnsureL7(ServiceRef service, ConsulExportContext ctx)
    {
        var entry = ctx.DefaultsOf(service);
        if (entry.Spec.Protocol is null)
        {
            entry.Spec.Protocol = "http";
            return true;
        }
        return entry.Spec.Protocol != "tcp";
    }
}
