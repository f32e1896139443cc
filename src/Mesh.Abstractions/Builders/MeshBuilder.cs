using Mesh.Collections;
using Mesh.Model;

namespace Mesh.Builders;

/// <summary>
/// A fluent, code-first way to write a <see cref="MeshConfig"/>. It yields the same immutable records as the
/// YAML reader, so a model built here and one read from YAML compare equal.
/// </summary>
/// <example>
/// <code>
/// var mesh = MeshBuilder.Create("bookinfo")
///     .Service("reviews.bookinfo", s =&gt; s.Port(9080, Protocol.Http).Subset("v1", "version", "v1").Subset("v2", "version", "v2"))
///     .Route("reviews.bookinfo", r =&gt; r.Rule(rule =&gt; rule
///         .To("reviews.bookinfo", "v1", weight: 90)
///         .To("reviews.bookinfo", "v2", weight: 10)
///         .Timeout(TimeSpan.FromSeconds(2))
///         .Retry(3, TimeSpan.FromMilliseconds(500), RetryCondition.ServerError, RetryCondition.ConnectFailure)))
///     .Build();
/// </code>
/// </example>
public sealed class MeshBuilder
{
    private readonly string _name;
    private readonly List<MeshService> _services = [];
    private readonly List<HttpRoute> _routes = [];
    private readonly List<TcpRoute> _tcpRoutes = [];
    private readonly List<DestinationPolicy> _destinationPolicies = [];
    private readonly List<MtlsPolicy> _mtls = [];
    private readonly List<OutboundPolicy> _outbound = [];
    private readonly List<TelemetryPolicy> _telemetry = [];
    private readonly List<Gateway> _gateways = [];
    private readonly List<GatewayRoute> _gatewayRoutes = [];
    private readonly List<GatewayTlsRoute> _gatewayTlsRoutes = [];
    private readonly List<GatewayTcpRoute> _gatewayTcpRoutes = [];
    private readonly List<AccessPolicy> _accessPolicies = [];
    private readonly List<RequestAuthentication> _requestAuthentications = [];
    private readonly List<ExternalService> _externalServices = [];

    private MeshBuilder(string name) => _name = name;

    /// <summary>Starts a model.</summary>
    /// <param name="name">The model's name (<c>metadata.name</c>).</param>
    public static MeshBuilder Create(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new MeshBuilder(name);
    }

    /// <summary>Adds a service.</summary>
    /// <param name="service">The service as <c>name.namespace</c>.</param>
    /// <param name="configure">Adds ports and subsets.</param>
    public MeshBuilder Service(string service, Action<ServiceBuilder>? configure = null)
    {
        var builder = new ServiceBuilder(ServiceRef.Parse(service));
        configure?.Invoke(builder);
        _services.Add(builder.Build());
        return this;
    }

    /// <summary>Adds an HTTP route for callers of <paramref name="host"/>, named and namespaced after the host unless <paramref name="name"/> is given.</summary>
    /// <param name="host">The host service as <c>name.namespace</c>.</param>
    /// <param name="configure">Adds the rules.</param>
    /// <param name="name">The route name; defaults to the host's name.</param>
    public MeshBuilder Route(string host, Action<HttpRouteBuilder> configure, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var hostRef = ServiceRef.Parse(host);
        var builder = new HttpRouteBuilder();
        configure(builder);
        _routes.Add(new HttpRoute { Name = name ?? hostRef.Name, Namespace = hostRef.Namespace, Host = hostRef, Rules = [.. builder.Rules] });
        return this;
    }

    /// <summary>Adds a weighted TCP route for callers of <paramref name="host"/>.</summary>
    /// <param name="host">The host service as <c>name.namespace</c>.</param>
    /// <param name="configure">Adds the backends.</param>
    /// <param name="port">The host port, or null for every TCP port.</param>
    /// <param name="name">The route name; defaults to the host's name.</param>
    public MeshBuilder TcpRoute(string host, Action<BackendListBuilder> configure, int? port = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var hostRef = ServiceRef.Parse(host);
        var builder = new BackendListBuilder();
        configure(builder);
        _tcpRoutes.Add(new TcpRoute { Name = name ?? hostRef.Name, Namespace = hostRef.Namespace, Host = hostRef, Port = port, Backends = [.. builder.Backends] });
        return this;
    }

    /// <summary>Adds a destination policy for a service or one of its subsets.</summary>
    /// <param name="service">The service as <c>name.namespace</c>.</param>
    /// <param name="configure">Sets load balancing, connection pool, outlier detection and client TLS.</param>
    /// <param name="subset">The subset, or null for the whole service.</param>
    public MeshBuilder DestinationPolicy(string service, Action<DestinationPolicyBuilder> configure, string? subset = null) =>
        DestinationPolicy(new PolicyTarget { Service = ServiceRef.Parse(service), Subset = subset }, configure);

    /// <summary>Adds a destination policy for a target: a service, a subset of it, and optionally one of its ports.</summary>
    /// <param name="target">The target, e.g. <c>new PolicyTarget { Service = ServiceRef.Parse("reviews.bookinfo"), Port = 9080 }</c>.</param>
    /// <param name="configure">Sets load balancing, connection pool, outlier detection and client TLS.</param>
    public MeshBuilder DestinationPolicy(PolicyTarget target, Action<DestinationPolicyBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new DestinationPolicyBuilder(target);
        configure(builder);
        _destinationPolicies.Add(builder.Build());
        return this;
    }

    /// <summary>Adds an mTLS policy.</summary>
    /// <param name="scope">Where it applies, e.g. <see cref="MtlsScope.Mesh"/> or <see cref="MtlsScope.ForNamespace"/>.</param>
    /// <param name="mode">The mode.</param>
    public MeshBuilder Mtls(MtlsScope scope, MtlsMode mode)
    {
        ArgumentNullException.ThrowIfNull(scope);
        _mtls.Add(new MtlsPolicy { Scope = scope, Mode = mode });
        return this;
    }

    /// <summary>Adds an access policy protecting <paramref name="target"/>.</summary>
    /// <param name="name">The policy name.</param>
    /// <param name="target">The protected service as <c>name.namespace</c>; the policy lives in its namespace.</param>
    /// <param name="action">Allow, deny or audit.</param>
    /// <param name="configure">Adds the rules; none means allow-nothing (for allow) or nothing (for deny and audit).</param>
    public MeshBuilder AccessPolicy(string name, string target, AccessAction action, Action<AccessPolicyBuilder>? configure = null)
    {
        var targetRef = ServiceRef.Parse(target);
        var builder = new AccessPolicyBuilder();
        configure?.Invoke(builder);
        _accessPolicies.Add(new AccessPolicy
        {
            Name = name,
            Namespace = targetRef.Namespace,
            Target = new PolicyTarget { Service = targetRef },
            Action = action,
            Rules = [.. builder.Rules],
        });
        return this;
    }

    /// <summary>Adds an access policy for every workload of a namespace.</summary>
    /// <param name="name">The policy name.</param>
    /// <param name="namespace">The namespace whose workloads it protects.</param>
    /// <param name="action">Allow, deny or audit.</param>
    /// <param name="configure">Adds the rules; none means allow-nothing (for allow) or nothing (for deny and audit).</param>
    public MeshBuilder NamespaceAccessPolicy(string name, string @namespace, AccessAction action, Action<AccessPolicyBuilder>? configure = null)
    {
        var builder = new AccessPolicyBuilder();
        configure?.Invoke(builder);
        _accessPolicies.Add(new AccessPolicy { Name = name, Namespace = @namespace, Action = action, Rules = [.. builder.Rules] });
        return this;
    }

    /// <summary>Adds a request authentication: the JWT issuers whose tokens the workloads of a namespace, a service or a gateway verify.</summary>
    /// <param name="name">The policy name.</param>
    /// <param name="namespace">The namespace it lives in and applies to.</param>
    /// <param name="configure">Narrows it to a service or a gateway and adds the issuers.</param>
    public MeshBuilder RequestAuthentication(string name, string @namespace, Action<RequestAuthenticationBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new RequestAuthenticationBuilder();
        configure(builder);
        _requestAuthentications.Add(builder.Build(name, @namespace));
        return this;
    }

    /// <summary>Adds an external service (egress).</summary>
    /// <param name="service">The entry as <c>name.namespace</c>.</param>
    /// <param name="configure">Adds hosts, ports, resolution and addresses.</param>
    public MeshBuilder ExternalService(string service, Action<ExternalServiceBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new ExternalServiceBuilder(ServiceRef.Parse(service));
        configure(builder);
        _externalServices.Add(builder.Build());
        return this;
    }

    /// <summary>Sets which hosts the workloads of every namespace without a policy of its own may reach.</summary>
    /// <param name="mode">What happens to calls to other hosts.</param>
    /// <param name="hosts">The visible hosts as <c>namespace/host</c> (<c>./*</c>, <c>payments/*</c>, <c>*/api.example.com</c>); none: every service and external service.</param>
    public MeshBuilder Outbound(OutboundMode mode, params string[] hosts)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        _outbound.Add(new OutboundPolicy { Mode = mode, Hosts = [.. hosts] });
        return this;
    }

    /// <summary>Sets which hosts the workloads of <paramref name="namespace"/> may reach (replacing the mesh-wide policy there).</summary>
    /// <param name="namespace">The workloads' namespace.</param>
    /// <param name="mode">What happens to calls to other hosts.</param>
    /// <param name="hosts">The visible hosts as <c>namespace/host</c> (<c>./*</c>, <c>payments/*</c>, <c>*/api.example.com</c>); none: every service and external service.</param>
    public MeshBuilder Outbound(string @namespace, OutboundMode mode, params string[] hosts)
    {
        ArgumentNullException.ThrowIfNull(@namespace);
        ArgumentNullException.ThrowIfNull(hosts);
        _outbound.Add(new OutboundPolicy { Namespace = @namespace, Mode = mode, Hosts = [.. hosts] });
        return this;
    }

    /// <summary>Adds a telemetry policy: access logging and tracing for the mesh (<paramref name="namespace"/> null), a namespace, or the workloads <paramref name="workload"/> selects there.</summary>
    /// <param name="namespace">The namespace, or null for the whole mesh.</param>
    /// <param name="accessLogging">Whether requests are logged; null: inherited.</param>
    /// <param name="tracing">Tracing settings; null: inherited.</param>
    /// <param name="workload">The labels of the workloads (needs a namespace); null: every workload of the scope.</param>
    public MeshBuilder Telemetry(string? @namespace, bool? accessLogging = null, TracingSettings? tracing = null, IReadOnlyDictionary<string, string>? workload = null)
    {
        _telemetry.Add(new TelemetryPolicy { Namespace = @namespace, AccessLogging = accessLogging, Tracing = tracing, Workload = workload is null ? default : workload.ToEquatableMap() });
        return this;
    }

    /// <summary>Adds an ingress or egress gateway.</summary>
    /// <param name="name">The gateway's name.</param>
    /// <param name="namespace">The gateway's namespace.</param>
    /// <param name="configure">Sets its workloads or class and adds its listeners.</param>
    public MeshBuilder Gateway(string name, string @namespace, Action<GatewayBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new GatewayBuilder();
        configure(builder);
        _gateways.Add(builder.Build(name, @namespace));
        return this;
    }

    /// <summary>Adds an HTTP route for requests arriving at gateways.</summary>
    /// <param name="name">The route's name.</param>
    /// <param name="namespace">The route's namespace.</param>
    /// <param name="configure">Attaches it to gateways, sets its host names and adds its rules.</param>
    public MeshBuilder GatewayRoute(string name, string @namespace, Action<GatewayRouteBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new GatewayRouteBuilder();
        configure(builder);
        _gatewayRoutes.Add(builder.Build(name, @namespace));
        return this;
    }

    /// <summary>Adds a TLS route for connections arriving at gateways' TLS listeners, by server name (SNI).</summary>
    /// <param name="name">The route's name.</param>
    /// <param name="namespace">The route's namespace.</param>
    /// <param name="configure">Attaches it to gateways, sets its server names and adds its backends.</param>
    public MeshBuilder GatewayTlsRoute(string name, string @namespace, Action<GatewayTlsRouteBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new GatewayTlsRouteBuilder();
        configure(builder);
        _gatewayTlsRoutes.Add(builder.Build(name, @namespace));
        return this;
    }

    /// <summary>Adds a TCP route for connections arriving at gateways' TCP listeners.</summary>
    /// <param name="name">The route's name.</param>
    /// <param name="namespace">The route's namespace.</param>
    /// <param name="configure">Attaches it to gateways and adds its backends.</param>
    public MeshBuilder GatewayTcpRoute(string name, string @namespace, Action<GatewayTcpRouteBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new GatewayTcpRouteBuilder();
        configure(builder);
        _gatewayTcpRoutes.Add(builder.Build(name, @namespace));
        return this;
    }

    /// <summary>Builds the immutable model.</summary>
    public MeshConfig Build() => new()
    {
        Name = _name,
        Services = [.. _services],
        Routes = [.. _routes],
        TcpRoutes = [.. _tcpRoutes],
        DestinationPolicies = [.. _destinationPolicies],
        Mtls = [.. _mtls],
        AccessPolicies = [.. _accessPolicies],
        RequestAuthentications = [.. _requestAuthentications],
        ExternalServices = [.. _externalServices],
        Outbound = [.. _outbound],
        Telemetry = [.. _telemetry],
        Gateways = [.. _gateways],
        GatewayRoutes = [.. _gatewayRoutes],
        GatewayTlsRoutes = [.. _gatewayTlsRoutes],
        GatewayTcpRoutes = [.. _gatewayTcpRoutes],
    };
}
