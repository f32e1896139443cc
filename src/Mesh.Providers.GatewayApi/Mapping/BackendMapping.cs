using Mesh.Collections;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Resources;
using Mesh.Providers.GatewayApi.Translation;
using HttpRouteRule = Mesh.Model.HttpRouteRule;

namespace Mesh.Providers.GatewayApi.Mapping;

/// <summary>
/// Weighted model backends ↔ Service <c>backendRefs</c>: a backend to a subset names the subset's leaf Service (when one is
/// written, see <see cref="RouteExportContext.Leaves"/>), the weight is left out when it is 1 or the backend is the only
/// one, and the port the CRDs require is taken from the model when the backend has none — the service's only port, else
/// the route's parent port (<see cref="TryPort"/>); and the parent-backend form of mesh routing (GEP-1426): a rule without
/// <c>backendRefs</c> sends its traffic to the parent Service's own endpoints.
/// </summary>
internal static class BackendMapping
{
    /// <summary>
    /// Model → Gateway API: the backendRefs of a rule of a route in namespace <paramref name="ns"/> written for
    /// <paramref name="parentPort"/> (null when it has none); a backend whose port cannot be determined is left out
    /// (reported), so the list may be shorter than the rule's backends.
    /// </summary>
    public static List<BackendRef>? ToGatewayApi(EquatableArray<WeightedBackend> backends, string ns, RulePath rulePath, int? parentPort, RouteExportContext ctx)
    {
        if (backends.IsEmpty) return null;
        // Per backend: the port written, and whether it is written at all (a handful per rule: on the stack).
        Span<int?> ports = backends.Count <= 32 ? stackalloc int?[backends.Count] : new int?[backends.Count];
        Span<bool> kept = backends.Count <= 32 ? stackalloc bool[backends.Count] : new bool[backends.Count];
        var written = 0;
        for (var i = 0; i < backends.Count; i++)
        {
            var b = backends[i];
            ports[i] = b.Port;
            kept[i] = b.Port is not null || TryPort(b.Service, parentPort, RefPath.Backend(rulePath, i), "backend", ctx, out ports[i]);
            if (kept[i]) written++;
        }
        var result = new List<BackendRef>(written);
        for (var i = 0; i < backends.Count; i++)
        {
            if (!kept[i]) continue;
            var b = backends[i];
            var service = Target(b.Service, b.Subset, RefPath.Backend(rulePath, i), ctx, "Gateway API backends are whole Services; subset '{0}' is not written.");
            result.Add(new BackendRef
            {
                Name = service.Name,
                Namespace = service.Namespace == ns ? null : service.Namespace,
                Port = ports[i],
                // A single backend takes all traffic: its weight is left out.
                Weight = b.Weight == 1 || written == 1 ? null : b.Weight,
            });
        }
        return result;
    }

    /// <summary>
    /// The Service a backend, mirror or TCP backend at <paramref name="path"/> names: the leaf Service of its subset when one
    /// is written (<see cref="RouteExportContext.Leaves"/>), else the service itself, and a subset is then reported with
    /// <paramref name="unwritten"/> (a template whose <c>{0}</c> is the subset).
    /// </summary>
    public static ServiceRef Target(ServiceRef service, string? subset, RefPath path, RouteExportContext ctx, string unwritten)
    {
        if (subset is null) return service;
        if (ctx.Leaves is { } leaves && leaves.HasLeaf(service, subset)) return leaves.Target(service, subset);
        ctx.Unsupported($"{path}.subset", ctx.Message(unwritten, subset));
        return service;
    }

    /// <summary>
    /// Whether the rule's one backend is the route's own host on the requested port (no port, no subset): written without
    /// backendRefs, the mesh form for "the parent Service's own endpoints" (GEP-1426), which also needs no port.
    /// </summary>
    public static bool IsParentBackend(HttpRouteRule rule, ServiceRef host) =>
        rule.Backends.Count == 1 && rule.Backends[0] is { Port: null, Subset: null } only && only.Service == host;

    /// <summary>
    /// The port written for a backend, mirror or TCP backend at <paramref name="path"/> the model gives without one (a Service
    /// backendRef needs one): the only port of its service; else, where the dialect resolves backend ports, the route's
    /// <paramref name="parentPort"/> (the port the request came in on) when the service has it. Returns false when no port
    /// can be determined and the reference is to be left out (reported); where the dialect does not resolve backend ports
    /// it is written without one (reported) instead.
    /// </summary>
    public static bool TryPort(ServiceRef service, int? parentPort, RefPath path, string what, RouteExportContext ctx, out int? port)
    {
        var known = ctx.FindService(service);
        if (known is { Ports.Count: 1 })
        {
            port = known.Ports[0].Port;
            ctx.Note($"{path}.port", ctx.OnlyPortMessages.Get((service, port.Value), static k => $"The backend has no port; the only port of '{k.Service}', {k.Port}, is written (a Service backendRef needs one)."));
            return true;
        }
        port = null;
        if (!ctx.Dialect.ResolveBackendPorts)
        {
            ctx.Unsupported($"{path}.port", $"A Service backendRef needs a port, and '{service}' has no single port in the model to take; the {what} is written without one and the API server will reject it.");
            return true;
        }
        if (parentPort is { } p && known?.FindPort(p) is not null)
        {
            port = p;
            ctx.Note($"{path}.port", $"The {what} has no port, so requests keep the port they came in on: the route's parent port is written (a Service backendRef needs one).");
            return true;
        }
        var why = known is null ? $"'{service}' is not a service of the model with ports"
            : parentPort is { } missing ? $"'{service}' has {known.Ports.Count} ports and not {missing}, the route's parent port"
            : $"'{service}' has {known.Ports.Count} ports and the route is not written for one port of its host";
        ctx.Unsupported($"{path}.port", $"A Service backendRef needs a port and this {what} has none: {why}, so no port can be chosen; the {what} is not written.");
        return false;
    }

    /// <summary>
    /// Gateway API → model: the Service <c>backendRefs</c> of a rule as weighted backends, each recorded in
    /// <paramref name="model"/> as a reference (<paramref name="what"/> names it in messages, <paramref name="protocol"/> is
    /// what the kind of route says its port speaks); every other one is reported.
    /// </summary>
    public static EquatableArray<WeightedBackend> ToModel(List<BackendRef>? refs, string ns, string source, string path, ImportContext ctx, ModelBuilder model, Protocol protocol, string what)
    {
        if (refs is null) return default;
        var mark = model.References.Count;
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
            var service = new ServiceRef(b.Name, string.IsNullOrEmpty(b.Namespace) ? ns : b.Namespace);
            model.Refer(service, b.Port, protocol, source, at, what);
            backends.Add(new WeightedBackend
            {
                Service = service,
                Port = b.Port,
                Weight = b.Weight ?? 1,
            });
        }
        if (backends.Count > 0 && backends.All(b => b.Weight == 0))
        {
            ctx.NotImported(source, path, "Every backend has weight 0, so the rule sends no traffic; its backends were not imported.");
            model.Forget(mark);
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
