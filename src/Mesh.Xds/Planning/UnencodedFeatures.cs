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
        // TCP routes split a mesh caller's connections; a gateway proxy is no such caller (its routes are gateway routes). A
        // sidecar's are encoded (OutboundTcpPlanner, which reports what of them is not); proxyless clients take no listeners but HTTP ones.
        for (var i = 0; i < config.TcpRoutes.Count && context.Proxyless; i++)
        {
            var route = config.TcpRoutes[i];
            context.Warning(XdsDiagnosticCodes.NotEncoded, $"$.spec.tcpRoutes[{i}]", $"TCP route {route.Namespace}/{route.Name} is not encoded for proxyless gRPC clients: they make gRPC calls through api_listeners only and take no TCP listeners; {route.Host} keeps its clusters.");
        }
        // A sidecar's external services and outbound policy are encoded (ExternalPlanner, OutboundScope), and what of
        // them is not is reported there; proxyless clients take EDS clusters only.
        for (var i = 0; i < config.ExternalServices.Count && context.Proxyless; i++)
        {
            var external = config.ExternalServices[i];
            context.Warning(XdsDiagnosticCodes.NotEncoded, $"$.spec.externalServices[{i}]", $"External service {external.Namespace}/{external.Name} is not encoded for proxyless gRPC clients: they take EDS clusters only, and an external service's clusters are STRICT_DNS, STATIC or ORIGINAL_DST.");
        }
        // Gateways and gateway routes configure gateway proxies only (GatewayPlanner): a sidecar or a proxyless client is
        // not a gateway's proxy and a gateway route does not apply to its calls, so they are no part of its configuration
        // and are not reported for it, as another workload's inbound side is not.
        var own = proxy.Service is { } ownRef ? context.FindService(ownRef) : null;
        var inboundHttp = own is not null && own.Ports.Any(p => PlanContext.IsHttp(p.Protocol));
        for (var i = 0; i < config.AccessPolicies.Count && context.IsGateway; i++)
        {
            var policy = config.AccessPolicies[i];
            // A policy without a target governs every workload of its namespace, the gateway's proxies among them.
            if (policy.Target is not null || !string.Equals(policy.Namespace, proxy.Namespace, StringComparison.Ordinal)) continue;
            context.Warning(XdsDiagnosticCodes.NotEncoded, $"$.spec.accessPolicies[{i}]",
                $"Access policy {policy.Namespace}/{policy.Name} governs every workload of its namespace, this gateway proxy among them, but access policies are not encoded at gateways: its listeners have no RBAC filter.");
        }
        for (var i = 0; i < config.AccessPolicies.Count && !context.IsGateway; i++)
        {
            var policy = config.AccessPolicies[i];
            if (!InboundPlanner.AppliesToProxy(context, policy) || inboundHttp) continue;
            context.Warning(XdsDiagnosticCodes.NotEncoded, $"$.spec.accessPolicies[{i}]",
                $"Access policy {policy.Namespace}/{policy.Name} applies to this proxy, but {(own is null ? "its service is not in the model" : "its service has no HTTP port")}, so no inbound RBAC filter enforces it.");
        }
        // A request authentication of a gateway, like the gateway, is no part of a sidecar's configuration.
        for (var i = 0; i < config.RequestAuthentications.Count; i++)
        {
            var policy = config.RequestAuthentications[i];
            if (!JwtPlanner.AppliesToProxy(context, policy)) continue;
            if (context.IsGateway ? context.Gateway?.Listeners.Any(l => l.Protocol is ListenerProtocol.Http or ListenerProtocol.Https) == false : !inboundHttp)
            {
                context.Warning(XdsDiagnosticCodes.NotEncoded, $"$.spec.requestAuthentications[{i}]",
                    context.IsGateway
                        ? $"Request authentication {policy.Namespace}/{policy.Name} applies to this gateway, but it has no HTTP or HTTPS listener, so no jwt_authn filter verifies tokens."
                        : $"Request authentication {policy.Namespace}/{policy.Name} applies to this proxy, but {(own is null ? "its service is not in the model" : "its service has no HTTP port")}, so no jwt_authn filter verifies tokens.");
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
