using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Resources;

namespace Mesh.Providers.GatewayApi.Import;

/// <summary>
/// A <c>TCPRoute</c> in mesh form (<c>v1</c> or <c>v1alpha2</c>) → a model TCP route of its parent Service: the parent's
/// port (none: every port of the host) and the one rule's weighted backends. A model TCP route has one port and one
/// backend list, so further parentRefs of the Service and further rules (<c>v1alpha2</c> allows 16; <c>v1</c> and
/// Linkerd take one) are reported.
/// </summary>
public static class TcpRouteImporter
{
    /// <summary>Imports the parent and rule of a TCPRoute named <paramref name="name"/> in <paramref name="ns"/> into <paramref name="model"/>, reporting every field not carried.</summary>
    /// <param name="routeSpec">The spec (null is read as empty).</param>
    /// <param name="name">The route's name.</param>
    /// <param name="ns">The route's namespace.</param>
    /// <param name="source">Its source name (<c>file#doc</c>).</param>
    /// <param name="model">The model being assembled.</param>
    /// <param name="ctx">The import's context.</param>
    public static void Import(TcpRouteSpec? routeSpec, string name, string ns, string source, ModelBuilder model, ImportContext ctx)
    {
        var spec = routeSpec ?? new TcpRouteSpec();
        if (Parent(spec.ParentRefs, ns, source, ctx) is not var (host, port))
        {
            if (spec.Rules is not null) ctx.NotImported(source, "$.spec.rules", "The route has no Service parent, so its rules have no place in the model (mesh routes attach to Services).");
            return;
        }
        var rules = spec.Rules ?? [];
        var first = rules.FindIndex(r => r is not null);
        if (first < 0)
        {
            ctx.NotImported(source, "$.spec", "The TCPRoute has no rule, so it routes no connection; it was not imported.");
            return;
        }
        for (var i = first + 1; i < rules.Count; i++)
        {
            if (rules[i] is null) continue;
            ctx.NotImported(source, $"$.spec.rules[{i}]", "A model TCP route has one list of backends (TCPRoute v1, and Linkerd, take exactly one rule); only the first rule was imported.");
        }
        var path = $"$.spec.rules[{first}]";
        var backends = RouteImporter.Backends(rules[first]!.BackendRefs, ns, source, $"{path}.backendRefs", ctx);
        if (backends.IsEmpty)
        {
            ctx.NotImported(source, path, "The rule routes to no Service, so the TCP route was not imported.");
            return;
        }
        if (port is { } p) model.AddTcpPort(host, p);
        model.TcpRoutes.Add(new Model.TcpRoute { Name = name, Namespace = ns, Host = host, Port = port, Backends = backends });
    }

    /// <summary>The first Service parent and its port (null: every port); other parents are reported.</summary>
    private static (ServiceRef Host, int? Port)? Parent(List<ParentReference>? parents, string ns, string source, ImportContext ctx)
    {
        (ServiceRef Host, int? Port)? found = null;
        for (var i = 0; i < (parents?.Count ?? 0); i++)
        {
            var path = $"$.spec.parentRefs[{i}]";
            if (parents![i] is not { } parent) continue;
            if (parent.Kind != "Service" || !RouteImporter.IsCoreGroup(parent.Group))
            {
                ctx.OutOfScope(source, path, $"A {parent.Kind ?? "Gateway"} parent attaches the route to something other than a Service; only Service parents (mesh routing) are in the model.");
                continue;
            }
            if (string.IsNullOrEmpty(parent.Name))
            {
                ctx.Invalid(source, $"{path}.name", "A parentRef needs a name.");
                continue;
            }
            var service = new ServiceRef(parent.Name, string.IsNullOrEmpty(parent.Namespace) ? ns : parent.Namespace);
            if (found is { } earlier)
            {
                ctx.NotImported(source, path, earlier.Host != service
                    ? "A model TCP route has one host service; only the first Service parent was imported."
                    : "A model TCP route applies to one port of its host, or to every port; only the first parentRef of this Service was imported.");
                continue;
            }
            if (parent.Port is < 1 or > 65535)
            {
                ctx.Invalid(source, $"{path}.port", "A port is between 1 and 65535.");
                found = (service, null);
                continue;
            }
            found = (service, parent.Port);
        }
        return found;
    }
}
