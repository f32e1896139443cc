using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Istio.Resources;
using Mesh.Providers.Istio.Translation;
using Mesh.Validation;

namespace Mesh.Providers.Istio.Mapping;

/// <summary>
/// Gateway routes ↔ VirtualServices with <c>gateways</c>: the host names are the <c>hosts</c> (<c>*</c> when it lists none),
/// each gateway <c>name</c> (same namespace) or <c>namespace/name</c>. A gateway route with the name and rules of a mesh
/// route whose host is among its host names is written into that route's VirtualService, with <c>mesh</c> among its
/// gateways; otherwise it is a VirtualService of its own (<c>NAME-gateway</c> when a mesh route has the name).
/// </summary>
internal static class GatewayRouteMapping
{
    /// <summary>The reserved gateway name for the sidecars.</summary>
    public const string MeshGateway = "mesh";

    public static void ToIstio(MeshConfig config, SortedDictionary<(string Namespace, string Name), VirtualService> byName, IstioExportContext ctx)
    {
        for (var i = 0; i < config.GatewayRoutes.Count; i++)
        {
            var route = config.GatewayRoutes[i];
            var path = $"$.spec.gatewayRoutes[{i}]";
            var gateways = new List<string>();
            for (var g = 0; g < route.Gateways.Count; g++)
            {
                var reference = route.Gateways[g];
                if (reference.Listener is not null)
                {
                    ctx.Approximated($"{path}.gateways[{g}].listener", $"An Istio VirtualService binds to a whole Gateway: the route applies on every server of '{reference.Namespace}/{reference.Name}' whose hosts match, not only on listener '{reference.Listener}'.");
                }
                var written = reference.Namespace == route.Namespace ? reference.Name : $"{reference.Namespace}/{reference.Name}";
                if (!gateways.Contains(written, StringComparer.Ordinal)) gateways.Add(written);
            }
            var hosts = route.Hostnames.IsEmpty ? ["*"] : route.Hostnames.ToList();
            var mesh = config.Routes.FirstOrDefault(r => r.Namespace == route.Namespace && r.Name == route.Name);
            if (mesh is not null && byName.TryGetValue((route.Namespace, route.Name), out var shared) && shared.Spec.Gateways is null && shared.Spec.Tcp is null
                && shared.Spec.Hosts is [var meshHost] && hosts.Contains(meshHost, StringComparer.OrdinalIgnoreCase) && mesh.Rules == route.Rules)
            {
                shared.Spec.Hosts = [meshHost, .. hosts.Where(h => !string.Equals(h, meshHost, StringComparison.OrdinalIgnoreCase))];
                shared.Spec.Gateways = [.. gateways, MeshGateway];
                Ownership.From(shared, ModelObjectNames.Of(route));
                continue;
            }
            var name = route.Name;
            if (byName.ContainsKey((route.Namespace, name)))
            {
                name = $"{route.Name}-gateway";
                if (byName.ContainsKey((route.Namespace, name)))
                {
                    ctx.Unsupported(path, $"VirtualServices '{route.Name}' and '{name}' are both taken by other routes in '{route.Namespace}'; the gateway route is not written. Rename it.");
                    continue;
                }
                ctx.Note($"{path}.name", $"A mesh route is named '{route.Name}' with other hosts or rules; the gateway route is written as VirtualService '{name}'.");
            }
            byName[(route.Namespace, name)] = Ownership.From(new VirtualService
            {
                Metadata = { Name = name, NamespaceProperty = route.Namespace },
                Spec =
                {
                    Hosts = hosts,
                    Gateways = gateways,
                    Http = Lists.OrNull(route.Rules, (r, k) => HttpRouteMapping.ToIstio(r, $"{path}.rules[{k}]", ctx)),
                },
            }, ModelObjectNames.Of(route));
        }
    }

    /// <summary>
    /// Istio → model: the gateway route of a VirtualService with <c>gateways</c> (apart from <c>mesh</c>), bound to those of
    /// them the input declares; its TLS rules, and its TCP rules when it does not apply to the mesh too, are gateway TLS and
    /// TCP routes (<see cref="GatewayStreamRouteMapping"/>).
    /// </summary>
    /// <returns>Whether a gateway route was added.</returns>
    public static bool ToModel(VirtualService vs, string name, string ns, string source, ModelBuilder model, IstioImportContext ctx)
    {
        var spec = vs.Spec!;
        var alsoMesh = spec.Gateways!.Contains(MeshGateway, StringComparer.Ordinal);
        var refs = new List<GatewayRef>();
        for (var g = 0; g < spec.Gateways!.Count; g++)
        {
            var entry = spec.Gateways[g];
            if (entry is null || entry == MeshGateway) continue;
            var slash = entry.IndexOf('/', StringComparison.Ordinal);
            var reference = slash < 0
                ? new GatewayRef { Name = entry, Namespace = ns }
                : new GatewayRef { Name = entry[(slash + 1)..], Namespace = entry[..slash] };
            if (model.Gateways.Any(x => x.Name == reference.Name && x.Namespace == reference.Namespace))
            {
                refs.Add(reference);
                continue;
            }
            ctx.NotImported(source, $"$.spec.gateways[{g}]", $"Gateway '{reference.Namespace}/{reference.Name}' is not in the input (or was not imported); the rules are not bound to it. Include its Gateway.");
        }
        if (refs.Count == 0) return false;
        if (spec.Tls is not null || (!alsoMesh && spec.Tcp is not null))
        {
            // TLS rules apply at the gateways (the sidecars' are not in the model); TCP rules too unless 'mesh' takes them.
            GatewayStreamRouteMapping.ToModel(vs, name, ns, refs, source, model, ctx, tcp: !alsoMesh);
            if (spec.Http is null) return true;
        }
        var hostnames = new List<string>();
        for (var h = 0; h < spec.Hosts!.Count; h++)
        {
            var host = spec.Hosts[h];
            if (host == "*")
            {
                hostnames.Add(host);
                continue;
            }
            if (host is not null && !host.Contains('.', StringComparison.Ordinal) && DnsNames.IsDnsLabel(host))
            {
                // Istio reads a short name as a service of the VirtualService's namespace.
                hostnames.Add(HostMapping.ToIstio(new ServiceRef(host, ns), ctx.Options));
                continue;
            }
            if (!DnsNames.IsHostName(host))
            {
                ctx.NotImported(source, $"$.spec.hosts[{h}]", $"'{host}' is not a host name the gateway route can hold; it was not imported.");
                continue;
            }
            hostnames.Add(host!.ToLowerInvariant());
        }
        if (hostnames.Count == 0) return false;
        var rules = new List<HttpRouteRule>();
        for (var i = 0; i < (spec.Http?.Count ?? 0); i++)
        {
            if (spec.Http![i] is not { } rule || HttpRouteMapping.ToModel(rule, ns, source, $"$.spec.http[{i}]", ctx) is not { } imported) continue;
            var matches = imported.Matches.Where(m => m.SourceLabels.IsEmpty && m.SourceNamespace is null).ToList();
            if (matches.Count < imported.Matches.Count)
            {
                ctx.NotImported(source, $"$.spec.http[{i}].match", "At a gateway the caller is the gateway itself: matches on source labels or namespaces were not imported for the gateway route.");
                if (matches.Count == 0) continue;
            }
            rules.Add(imported with { Matches = [.. matches] });
        }
        model.GatewayRoutes.Add(new GatewayRoute { Name = name, Namespace = ns, Gateways = [.. refs], Hostnames = [.. hostnames], Rules = [.. rules] });
        return true;
    }
}
