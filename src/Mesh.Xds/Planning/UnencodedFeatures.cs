using Mesh.Model;

namespace Mesh.Xds.Planning;

/// <summary>
/// Reports, as <c>MESH4012</c> warnings, the parts of the model that the encoder does not emit for this proxy, so
/// that nothing is dropped silently. (Features dropped from one route or port are reported where they are planned.)
/// </summary>
internal static class UnencodedFeatures
{
    public static void Report(PlanContext context)
    {
        var config = context.Config;
        var proxy = context.Proxy;
        for (var i = 0; i < config.TcpRoutes.Count; i++)
        {
            var route = config.TcpRoutes[i];
            context.Warning(XdsDiagnosticCodes.NotEncoded, $"$.spec.tcpRoutes[{i}]", $"TCP route {route.Namespace}/{route.Name} is not encoded: the xDS encoder emits HTTP listeners only; {route.Host} keeps its clusters.");
        }
        // A sidecar's external services and outbound policy are encoded (ExternalPlanner, OutboundScope), and what of
        // them is not is reported there; proxyless clients take EDS clusters only.
        for (var i = 0; i < config.ExternalServices.Count && context.Proxyless; i++)
        {
            var external = config.ExternalServices[i];
            context.Warning(XdsDiagnosticCodes.NotEncoded, $"$.spec.externalServices[{i}]", $"External service {external.Namespace}/{external.Name} is not encoded for proxyless gRPC clients: they take EDS clusters only, and an external service's clusters are STRICT_DNS, STATIC or ORIGINAL_DST.");
        }
        for (var i = 0; i < config.Gateways.Count; i++)
        {
            context.Warning(XdsDiagnosticCodes.NotEncoded, $"$.spec.gateways[{i}]", $"Gateway {config.Gateways[i].Namespace}/{config.Gateways[i].Name} is not encoded: the xDS encoder emits sidecar and proxyless client configuration, not a gateway proxy's listeners.");
        }
        for (var i = 0; i < config.GatewayRoutes.Count; i++)
        {
            context.Warning(XdsDiagnosticCodes.NotEncoded, $"$.spec.gatewayRoutes[{i}]", $"Gateway route {config.GatewayRoutes[i].Namespace}/{config.GatewayRoutes[i].Name} is not encoded: it applies at gateway proxies, which the xDS encoder does not configure yet.");
        }
        var own = proxy.Service is { } ownRef ? context.FindService(ownRef) : null;
        var inboundHttp = own is not null && own.Ports.Any(p => PlanContext.IsHttp(p.Protocol));
        for (var i = 0; i < config.AccessPolicies.Count; i++)
        {
            var policy = config.AccessPolicies[i];
            if (!InboundPlanner.AppliesToProxy(context, policy) || inboundHttp) continue;
            context.Warning(XdsDiagnosticCodes.NotEncoded, $"$.spec.accessPolicies[{i}]",
                $"Access policy {policy.Namespace}/{policy.Name} applies to this proxy, but {(own is null ? "its service is not in the model" : "its service has no HTTP port")}, so no inbound RBAC filter enforces it.");
        }
        for (var i = 0; i < config.RequestAuthentications.Count; i++)
        {
            var policy = config.RequestAuthentications[i];
            if (policy.Gateway is not null)
            {
                context.Warning(XdsDiagnosticCodes.NotEncoded, $"$.spec.requestAuthentications[{i}]", $"Request authentication {policy.Namespace}/{policy.Name} applies at gateway {policy.Namespace}/{policy.Gateway}, whose proxies the encoder does not configure.");
            }
            else if (JwtPlanner.AppliesToProxy(context, policy) && !inboundHttp)
            {
                context.Warning(XdsDiagnosticCodes.NotEncoded, $"$.spec.requestAuthentications[{i}]",
                    $"Request authentication {policy.Namespace}/{policy.Name} applies to this proxy, but {(own is null ? "its service is not in the model" : "its service has no HTTP port")}, so no jwt_authn filter verifies tokens.");
            }
        }
        for (var i = 0; i < config.Mtls.Count; i++)
        {
            var policy = config.Mtls[i];
            if (context.Proxyless && policy.Mode == MtlsMode.Strict)
            {
                context.Warning(XdsDiagnosticCodes.NotEncoded, $"$.spec.mtls[{i}]", "Strict mTLS is not encoded for proxyless gRPC clients (it needs certificate providers in the client's bootstrap); clusters are plaintext.");
            }
            else if (policy.Scope.Kind is MtlsScopeKind.Workload or MtlsScopeKind.Port && proxy.Kind == XdsProxyKind.Sidecar && !inboundHttp)
            {
                context.Warning(XdsDiagnosticCodes.NotEncoded, $"$.spec.mtls[{i}]", "Workload- and port-scoped mTLS governs a server's inbound side, which is emitted only for a sidecar whose own service (with an HTTP port) is given; clients follow the namespace or mesh mode.");
            }
        }
    }
}
