using System.Globalization;
using System.Text;
using Mesh.Collections;

namespace Mesh.Model;

/// <summary>
/// The name of each object of a model, as provider objects written from it name their source (the
/// <c>mesh-sdk.io/source</c> annotation): the <c>spec</c> list it is in, then its identity —
/// <c>routes/bookinfo/reviews</c>, <c>services/bookinfo/reviews</c>, <c>destinationPolicies/bookinfo/reviews/v2:9080</c>,
/// <c>mtls/bookinfo/{app=reviews}</c>, <c>mtls/mesh</c>, and the model itself <c>mesh/&lt;name&gt;</c>. A name has no spaces, so several are written as one
/// space-separated value.
/// </summary>
public static class ModelObjectNames
{
    /// <summary>The annotation on provider objects that holds the names: <c>mesh-sdk.io/source</c>.</summary>
    public const string SourceAnnotation = "mesh-sdk.io/source";

    /// <summary>
    /// The name of the model as a whole, for what a mesh writes once per mesh (App Mesh's Mesh, OSM's MeshConfig, Consul's
    /// global proxy defaults): <c>mesh/&lt;name&gt;</c>.
    /// </summary>
    /// <param name="config">The model.</param>
    /// <returns>The name.</returns>
    public static string Of(MeshConfig config) => "mesh/" + Part(Checked(config).Name);

    /// <summary>The name of a service: <c>services/&lt;namespace&gt;/&lt;name&gt;</c>.</summary>
    /// <param name="service">The service.</param>
    /// <returns>The name.</returns>
    public static string Of(MeshService service) => Named("services", Checked(service).Namespace, service.Name);

    /// <summary>The name of the service <paramref name="service"/> refers to: <c>services/&lt;namespace&gt;/&lt;name&gt;</c>.</summary>
    /// <param name="service">The reference.</param>
    /// <returns>The name.</returns>
    public static string Of(ServiceRef service) => Named("services", service.Namespace, service.Name);

    /// <summary>The name of an HTTP route: <c>routes/&lt;namespace&gt;/&lt;name&gt;</c>.</summary>
    /// <param name="route">The route.</param>
    /// <returns>The name.</returns>
    public static string Of(HttpRoute route) => Named("routes", Checked(route).Namespace, route.Name);

    /// <summary>The name of a TCP route: <c>tcpRoutes/&lt;namespace&gt;/&lt;name&gt;</c>.</summary>
    /// <param name="route">The route.</param>
    /// <returns>The name.</returns>
    public static string Of(TcpRoute route) => Named("tcpRoutes", Checked(route).Namespace, route.Name);

    /// <summary>
    /// The name of a destination policy, after its target: <c>destinationPolicies/&lt;namespace&gt;/&lt;service&gt;</c>, then
    /// <c>/&lt;subset&gt;</c> and <c>:&lt;port&gt;</c> when it names them.
    /// </summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The name.</returns>
    public static string Of(DestinationPolicy policy)
    {
        var target = Checked(policy).Target;
        var named = Named("destinationPolicies", target?.Service.Namespace, target?.Service.Name);
        if (target?.Subset is null && target?.Port is null) return named;
        var name = new StringBuilder(named);
        if (target?.Subset is { } subset) name.Append('/').Append(subset);
        if (target?.Port is { } port) name.Append(':').Append(port.ToString(CultureInfo.InvariantCulture));
        return name.ToString();
    }

    /// <summary>
    /// The name of an mTLS policy, after its scope: <c>mtls/mesh</c>, <c>mtls/&lt;namespace&gt;</c>, or
    /// <c>mtls/&lt;namespace&gt;/{k=v,…}</c> with <c>:&lt;port&gt;</c> for a port.
    /// </summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The name.</returns>
    public static string Of(MtlsPolicy policy) =>
        Checked(policy).Scope is not { } scope ? "mtls/mesh" : Scoped("mtls", scope.Namespace, scope.Workload, scope.Port);

    /// <summary>The name of an access policy: <c>accessPolicies/&lt;namespace&gt;/&lt;name&gt;</c>.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The name.</returns>
    public static string Of(AccessPolicy policy) => Named("accessPolicies", Checked(policy).Namespace, policy.Name);

    /// <summary>The name of a request authentication: <c>requestAuthentications/&lt;namespace&gt;/&lt;name&gt;</c>.</summary>
    /// <param name="authentication">The request authentication.</param>
    /// <returns>The name.</returns>
    public static string Of(RequestAuthentication authentication) => Named("requestAuthentications", Checked(authentication).Namespace, authentication.Name);

    /// <summary>The name of an external service: <c>externalServices/&lt;namespace&gt;/&lt;name&gt;</c>.</summary>
    /// <param name="external">The external service.</param>
    /// <returns>The name.</returns>
    public static string Of(ExternalService external) => Named("externalServices", Checked(external).Namespace, external.Name);

    /// <summary>The name of an outbound policy: <c>outbound/&lt;namespace&gt;</c>, or <c>outbound/mesh</c> for the mesh-wide one.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The name.</returns>
    public static string Of(OutboundPolicy policy) => Scoped("outbound", Checked(policy).Namespace, default, null);

    /// <summary>The name of a telemetry policy, after its scope: <c>telemetry/mesh</c>, <c>telemetry/&lt;namespace&gt;</c> or <c>telemetry/&lt;namespace&gt;/{k=v,…}</c>.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The name.</returns>
    public static string Of(TelemetryPolicy policy) => Scoped("telemetry", Checked(policy).Namespace, policy.Workload, null);

    /// <summary>The name of a gateway: <c>gateways/&lt;namespace&gt;/&lt;name&gt;</c>.</summary>
    /// <param name="gateway">The gateway.</param>
    /// <returns>The name.</returns>
    public static string Of(Gateway gateway) => Named("gateways", Checked(gateway).Namespace, gateway.Name);

    /// <summary>The name of a gateway route: <c>gatewayRoutes/&lt;namespace&gt;/&lt;name&gt;</c>.</summary>
    /// <param name="route">The gateway route.</param>
    /// <returns>The name.</returns>
    public static string Of(GatewayRoute route) => Named("gatewayRoutes", Checked(route).Namespace, route.Name);

    /// <summary>The name of a gateway TLS route: <c>gatewayTlsRoutes/&lt;namespace&gt;/&lt;name&gt;</c>.</summary>
    /// <param name="route">The gateway TLS route.</param>
    /// <returns>The name.</returns>
    public static string Of(GatewayTlsRoute route) => Named("gatewayTlsRoutes", Checked(route).Namespace, route.Name);

    /// <summary>The name of a gateway TCP route: <c>gatewayTcpRoutes/&lt;namespace&gt;/&lt;name&gt;</c>.</summary>
    /// <param name="route">The gateway TCP route.</param>
    /// <returns>The name.</returns>
    public static string Of(GatewayTcpRoute route) => Named("gatewayTcpRoutes", Checked(route).Namespace, route.Name);

    /// <summary>
    /// Every object of <paramref name="config"/> by name, with its path in the model (<c>$.spec.routes[3]</c>), the model itself
    /// first (<c>mesh/&lt;name&gt;</c> at <c>$</c>). Two objects that share a name (which validation reports) are both listed.
    /// </summary>
    /// <param name="config">The model.</param>
    /// <returns>The names and paths, in the model's order.</returns>
    public static IReadOnlyList<(string Name, string Path)> All(MeshConfig config) => [.. Objects(config).Select(o => (o.Name, o.Path))];

    /// <summary>Every object of <paramref name="config"/> with its name and path (the model itself first, named <see cref="Of(MeshConfig)"/>, at <c>$</c>).</summary>
    internal static List<(string Name, string Path, object Item)> Objects(MeshConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var all = new List<(string, string, object)> { (Of(config), "$", config) };
        Add(all, "services", config.Services, Of);
        Add(all, "routes", config.Routes, Of);
        Add(all, "tcpRoutes", config.TcpRoutes, Of);
        Add(all, "destinationPolicies", config.DestinationPolicies, Of);
        Add(all, "mtls", config.Mtls, Of);
        Add(all, "accessPolicies", config.AccessPolicies, Of);
        Add(all, "requestAuthentications", config.RequestAuthentications, Of);
        Add(all, "externalServices", config.ExternalServices, Of);
        Add(all, "outbound", config.Outbound, Of);
        Add(all, "telemetry", config.Telemetry, Of);
        Add(all, "gateways", config.Gateways, Of);
        Add(all, "gatewayRoutes", config.GatewayRoutes, Of);
        Add(all, "gatewayTlsRoutes", config.GatewayTlsRoutes, Of);
        Add(all, "gatewayTcpRoutes", config.GatewayTcpRoutes, Of);
        return all;
    }

    /// <summary>
    /// The name of the model object at <paramref name="path"/> or containing it (<c>$.spec.routes[2].rules[0]</c> → the route's
    /// name); the model's own name for a path outside every object (<c>$</c>, <c>$.spec.services</c>); null for an index out of range.
    /// </summary>
    /// <param name="config">The model.</param>
    /// <param name="path">A path into the model, as diagnostics give them.</param>
    /// <returns>The name, or null.</returns>
    public static string? At(MeshConfig config, string path)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(path);
        const string Spec = "$.spec.";
        if (!path.StartsWith(Spec, StringComparison.Ordinal)) return Of(config);
        var open = path.IndexOf('[', Spec.Length);
        var close = open < 0 ? -1 : path.IndexOf(']', open);
        if (open < 0 || close < 0 || path.AsSpan(Spec.Length, open - Spec.Length).Contains('.')) return Of(config);
        if (!int.TryParse(path.AsSpan(open + 1, close - open - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index)) return Of(config);
        return path[Spec.Length..open] switch
        {
            "services" => Item(config.Services, index, Of),
            "routes" => Item(config.Routes, index, Of),
            "tcpRoutes" => Item(config.TcpRoutes, index, Of),
            "destinationPolicies" => Item(config.DestinationPolicies, index, Of),
            "mtls" => Item(config.Mtls, index, Of),
            "accessPolicies" => Item(config.AccessPolicies, index, Of),
            "requestAuthentications" => Item(config.RequestAuthentications, index, Of),
            "externalServices" => Item(config.ExternalServices, index, Of),
            "outbound" => Item(config.Outbound, index, Of),
            "telemetry" => Item(config.Telemetry, index, Of),
            "gateways" => Item(config.Gateways, index, Of),
            "gatewayRoutes" => Item(config.GatewayRoutes, index, Of),
            "gatewayTlsRoutes" => Item(config.GatewayTlsRoutes, index, Of),
            "gatewayTcpRoutes" => Item(config.GatewayTcpRoutes, index, Of),
            _ => Of(config),
        };

        static string? Item<T>(EquatableArray<T> items, int index, Func<T, string> name)
            where T : class => index < items.Count && items[index] is { } item ? name(item) : null;
    }

    /// <summary>Splits an annotation value of several names (space-separated) into the names.</summary>
    /// <param name="value">The value, or null.</param>
    /// <returns>The names, without empty entries.</returns>
    public static IReadOnlyList<string> Split(string? value) =>
        value is null ? [] : value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static void Add<T>(List<(string, string, object)> all, string list, EquatableArray<T> items, Func<T, string> name)
        where T : class
    {
        for (var i = 0; i < items.Count; i++)
        {
            // A model read from bad input may hold a null item; it has no name.
            if (items[i] is { } item) all.Add((name(item), $"$.spec.{list}[{i.ToString(CultureInfo.InvariantCulture)}]", item));
        }
    }

    private static string Named(string list, string? ns, string? name) => $"{list}/{Part(ns)}/{Part(name)}";

    private static string Scoped(string list, string? ns, EquatableMap<string> workload, int? port)
    {
        if (ns is null) return list + "/mesh";
        var name = new StringBuilder(list).Append('/').Append(Part(ns));
        if (!workload.IsEmpty) name.Append("/{").AppendJoin(',', workload.Select(l => $"{l.Key}={l.Value}")).Append('}');
        if (port is { } p) name.Append(':').Append(p.ToString(CultureInfo.InvariantCulture));
        return Part(name.ToString());
    }

    /// <summary>A part of a name without whitespace (names are space-separated in one annotation); an empty part is <c>-</c>.</summary>
    private static string Part(string? text) =>
        string.IsNullOrEmpty(text) ? "-" : HasWhiteSpace(text) ? string.Concat(text.Select(c => char.IsWhiteSpace(c) ? '_' : c)) : text;

    private static bool HasWhiteSpace(string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) return true;
        }
        return false;
    }

    private static T Checked<T>(T item)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(item);
        return item;
    }
}
