using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Translation;
using Mesh.Providers.Linkerd.Import;
using Mesh.Providers.Linkerd.Mapping;
using Mesh.Providers.Linkerd.Resources;
using GatewayResources = Mesh.Providers.GatewayApi.Resources;

namespace Mesh.Providers.Linkerd.Export;

/// <summary>
/// A service's ports belong to its Kubernetes Service, which this provider does not write: a port reaches Linkerd's resources
/// only as the parent port of a route or the port of a Server, by number, with the protocol the route's kind or the Server's
/// <c>proxyProtocol</c> says, and never with its name. Each port of the model that the written resources do not give back as it
/// is (missing, another protocol, another name) gets an info at its path, worked out by reading the written resources the way
/// the importer does.
/// </summary>
internal static class ServicePortReport
{
    public static void Report(MeshConfig config, IEnumerable<object> written, LinkerdOptions options, RouteExportContext ctx)
    {
        var back = ReadBack(written, options);
        for (var i = 0; i < config.Services.Count; i++)
        {
            var service = config.Services[i];
            var read = back.PortsOf(service.Reference);
            if (read is not null && ComesBack(service, read)) continue;
            var path = $"$.spec.services[{i}]";
            if (read is null)
            {
                if (!service.Ports.IsEmpty)
                {
                    ctx.Note(path, $"Linkerd takes a service's ports from its Kubernetes Service, which this provider does not write, and no route or Server written names a port of '{service.Reference}': its ports are not written.");
                }
                continue;
            }
            for (var k = 0; k < service.Ports.Count; k++)
            {
                var port = service.Ports[k];
                if (!read.TryGetValue(port.Port, out var protocol))
                {
                    ctx.Note($"{path}.ports[{k}]", $"Linkerd takes a service's ports from its Kubernetes Service, which this provider does not write, and no route or Server written names port {port.Port} of '{service.Reference}': the port is not written.");
                    continue;
                }
                var at = new ServicePort { Port = port.Port, Protocol = protocol };
                if (at.Protocol == port.Protocol && at.EffectiveName == port.EffectiveName) continue;
                var lost = new List<string>();
                if (at.EffectiveName != port.EffectiveName) lost.Add($"its name '{port.EffectiveName}' (read back as '{at.EffectiveName}')");
                if (at.Protocol != port.Protocol)
                {
                    var hint = AppProtocols.Of(port.Protocol) is { } app ? $"; appProtocol {app} on the Service port says {WireNames.Of(port.Protocol)} to Linkerd" : string.Empty;
                    lost.Add($"its protocol {WireNames.Of(port.Protocol)} (the route or Server written reads back as {WireNames.Of(at.Protocol)}{hint})");
                }
                ctx.Note($"{path}.ports[{k}]", $"Port {port.Port} of '{service.Reference}' is written only by number: {string.Join(" and ", lost)} {(lost.Count == 1 ? "belongs" : "belong")} to the Kubernetes Service, which this provider does not write.");
            }
        }
    }

    /// <summary>Whether every port of <paramref name="service"/> reads back with its protocol and name (the common case, checked without allocating).</summary>
    private static bool ComesBack(MeshService service, IReadOnlyDictionary<int, Protocol> read)
    {
        foreach (var port in service.Ports)
        {
            if (!read.TryGetValue(port.Port, out var protocol) || protocol != port.Protocol) return false;
            if (port.Name is not null && port.Name != $"{WireNames.Of(protocol)}-{port.Port}") return false;
        }
        return true;
    }

    /// <summary>The services and ports the importer reads from <paramref name="written"/>: route parents (HTTP, gRPC, TCP) in order, then Servers.</summary>
    private static ModelBuilder ReadBack(IEnumerable<object> written, LinkerdOptions options)
    {
        var model = new ModelBuilder();
        var servers = new List<Server>();
        foreach (var resource in written)
        {
            switch (resource)
            {
                case PolicyHttpRoute p when !AuthorizationImporter.IsServerRoute(p.Spec):
                    Parents(p.Spec.ParentRefs, p.Metadata.NamespaceProperty, Protocol.Http, model);
                    break;
                case GatewayResources.HttpRoute h when !AuthorizationImporter.IsServerRoute(h.Spec):
                    Parents(h.Spec.ParentRefs, h.Metadata.NamespaceProperty, Protocol.Http, model);
                    break;
                case GatewayResources.GrpcRoute g:
                    Parents(g.Spec.ParentRefs, g.Metadata.NamespaceProperty, Protocol.Grpc, model);
                    break;
                case GatewayResources.TcpRoute t:
                    if (t.Spec.ParentRefs?.FirstOrDefault(p => p.Kind == "Service" && p.Name is not null) is { } parent && parent.Port is { } tcpPort)
                    {
                        model.AddTcpPort(new ServiceRef(parent.Name!, parent.Namespace ?? t.Metadata.NamespaceProperty), tcpPort);
                    }
                    break;
                case Server s:
                    servers.Add(s);
                    break;
            }
        }
        foreach (var server in servers)
        {
            if (server.Spec.PodSelector?.MatchLabels?.GetValueOrDefault(options.WorkloadLabel) is { } name && server.Spec.Port is int port)
            {
                model.AddPort(new ServiceRef(name, server.Metadata.NamespaceProperty), port, ProxyProtocols.Parse(server.Spec.ProxyProtocol) ?? Protocol.Http);
            }
        }
        return model;
    }

    private static void Parents(List<GatewayResources.ParentReference>? parents, string ns, Protocol protocol, ModelBuilder model)
    {
        ServiceRef? host = null;
        foreach (var parent in parents ?? [])
        {
            if (parent.Kind != "Service" || parent.Name is null) continue;
            var service = new ServiceRef(parent.Name, parent.Namespace ?? ns);
            if (host is not null && host != service) continue;
            host = service;
            if (parent.Port is { } port) model.AddPort(service, port, protocol);
        }
    }
}
