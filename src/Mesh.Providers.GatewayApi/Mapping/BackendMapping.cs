using Mesh.Collections;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Resources;
using Mesh.Providers.GatewayApi.Translation;
using HttpRouteRule = Mesh.Model.HttpRouteRule;

namespace Mesh.Providers.GatewayApi.Mapping;

/// <summary>
/// Weighted model backends ↔ Service <c>backendRefs</c>: the weight left out when it is 1 or the backend is the only one,
/// the port the CRDs require taken from the model when the backend has none, and the parent-backend form of mesh routing
/// (GEP-1426): a rule without <c>backendRefs</c> sends its traffic to the parent Service's own endpoints.
/// </summary>
internal static class BackendMapping
{
    /// <summary>Model → Gateway API: the backendRefs of a rule of a route in namespace <paramref name="ns"/> (null when it has none).</summary>
    public static List<BackendRef>? ToGatewayApi(EquatableArray<WeightedBackend> backends, string ns, RulePath rulePath, RouteExportContext ctx)
    {
        if (backends.IsEmpty) return null;
        var result = new List<BackendRef>(backends.Count);
        for (var i = 0; i < backends.Count; i++)
        {
            var b = backends[i];
            if (b.Subset is not null) ctx.Unsupported($"{rulePath}.backends[{i}].subset", ctx.Message("Gateway API backends are whole Services; subset '{0}' is not written.", b.Subset));
            result.Add(new BackendRef
            {
                Name = b.Service.Name,
                Namespace = b.Service.Namespace == ns ? null : b.Service.Namespace,
                Port = b.Port ?? BackendPort(b.Service, rulePath, i, ctx),
                // A single backend takes all traffic: its weight is left out.
                Weight = b.Weight == 1 || backends.Count == 1 ? null : b.Weight,
            });
        }
        return result;
    }

    /// <summary>
    /// Whether the rule's one backend is the route's own host on the requested port (no port, no subset): written without
    /// backendRefs, the mesh form for "the parent Service's own endpoints" (GEP-1426), which also needs no port.
    /// </summary>
    public static bool IsParentBackend(HttpRouteRule rule, ServiceRef host) =>
        rule.Backends.Count == 1 && rule.Backends[0] is { Port: null, Subset: null } only && only.Service == host;

    /// <summary>
    /// The port of a Service backend given without one (the CRDs require it): the service's only port when the model
    /// defines the service with exactly one; otherwise none, reported.
    /// </summary>
    private static int? BackendPort(ServiceRef service, RulePath rulePath, int index, RouteExportContext ctx) =>
        BackendPort(service, $"{rulePath}.backends[{index}].port", ctx);

    /// <summary>The port written for a Service backend the model gives without one, at <paramref name="path"/> (see the overload above).</summary>
    public static int? BackendPort(ServiceRef service, string path, RouteExportContext ctx)
    {
        if (ctx.FindService(service) is { Ports.Count: 1 } known)
        {
            ctx.Note(path, ctx.OnlyPortMessages.Get((service, known.Ports[0].Port), static k => $"The backend has no port; the only port of '{k.Service}', {k.Port}, is written (a Service backendRef needs one)."));
            return known.Ports[0].Port;
        }
        ctx.Unsupported(path, $"A Service backendRef needs a port, and '{service}' has no single port in the model to take; the backend is written without one and the API server will reject it.");
        return null;
    }

    /// <summary>Gateway API → model: the Service <c>backendRefs</c> of a rule as weighted backends; every other one is reported.</summary>
    public static EquatableArray<WeightedBackend> ToModel(List<BackendRef>? refs, string ns, string source, string path, ImportContext ctx)
    {
        if (refs is null) return default;
        var backends = new List<WeightedBackend>();
        for (var i = 0; i < refs.Count; i++)
        {
            if (refs[i] is not { } b) continue;
            var at = $"{path}[{i}]";
            if (!IsService(b.Group, b.Kind))
            {
                ctx.NotImported(source, at, $"A {b.Kind} backend is not a Service; the model routes to Services only.");
                continue;
            }
            if (string.IsNullOrEmpty(b.Name))
            {
                ctx.Invalid(source, $"{at}.name", "A backendRef needs a name.");
                continue;
            }
            if (b.Weight is < 0 or > 1_000_000)
            {
                ctx.Invalid(source, $"{at}.weight", "A weight is between 0 and 1,000,000.");
                continue;
            }
            if (b.Port is < 1 or > 65535)
            {
                ctx.Invalid(source, $"{at}.port", "A port is between 1 and 65535.");
                continue;
            }
            backends.Add(new WeightedBackend
            {
                Service = new ServiceRef(b.Name, string.IsNullOrEmpty(b.Namespace) ? ns : b.Namespace),
                Port = b.Port,
                Weight = b.Weight ?? 1,
            });
        }
        if (backends.Count > 0 && backends.All(b => b.Weight == 0))
        {
            ctx.NotImported(source, path, "Every backend has weight 0, so the rule sends no traffic; its backends were not imported.");
            return default;
        }
        if (backends.Count == 1 && backends[0].Weight != 1)
        {
            var index = refs.FindIndex(b => b is not null && b.Weight is not null);
            ctx.NotImportedInfo(source, $"{path}[{Math.Max(index, 0)}].weight", "A single backend takes all traffic; its weight is written back left out.");
        }
        return [.. backends];
    }

    /// <summary>
    /// Gateway API → model: the backend of a rule without backendRefs: in mesh routing (GEP-1426) such a rule sends its traffic
    /// to the parent Service's own endpoints, i.e. the route's host on the port the request was made to.
    /// </summary>
    public static EquatableArray<WeightedBackend> ParentBackend(ServiceRef host) => [new WeightedBackend { Service = host }];

    /// <summary>Whether a reference of <paramref name="group"/> and <paramref name="kind"/> names a Service (the kind defaults to Service).</summary>
    public static bool IsService(string? group, string? kind) => IsCoreGroup(group) && kind is null or "Service";

    /// <summary>The core API group: <c>""</c> as Gateway API writes it, or <c>core</c> as Linkerd's documentation does.</summary>
    public static bool IsCoreGroup(string? group) => string.IsNullOrEmpty(group) || group == "core";
}
