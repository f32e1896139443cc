using Mesh.Model;
using Mesh.Xds.EnvoyApi;

namespace Mesh.Xds.Planning;

/// <summary>
/// Plans the outbound clusters: one per service port and one per subset of it, with the destination policy's load
/// balancer, connection pool and outlier detection, and upstream TLS when the service's mTLS mode is strict.
/// </summary>
internal static class ClusterPlanner
{
    /// <summary>The outbound clusters, sorted by name (a valid model's ports and subsets are unique, so their names are).</summary>
    public static ClusterPlan[] Clusters(PlanContext context)
    {
        var config = context.Config;
        var result = new List<ClusterPlan>();
        for (var s = 0; s < config.Services.Count; s++)
        {
            var service = config.Services[s];
            if (!context.IsVisible(service.Reference)) continue;
            foreach (var port in service.Ports)
            {
                result.Add(Cluster(context, service, s, port, null));
                foreach (var subset in service.Subsets) result.Add(Cluster(context, service, s, port, subset));
            }
        }
        result.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        // Built again in sorted order so that each cluster and its UTF-8 name sit next to the previous one in
        // memory: CDS and EDS walk the clusters in this order, and at tens of thousands of clusters a walk in
        // creation order (service by service) would miss the cache on almost every cluster.
        var sorted = new ClusterPlan[result.Count];
        for (var i = 0; i < sorted.Length; i++)
        {
            var c = result[i];
            sorted[i] = new ClusterPlan(c.Name, c.Service, c.Port, c.Protocol, c.Subset, c.SubsetLabels, c.ConnectTimeout, c.LbPolicy, c.Pool, c.Outlier, c.Tls, c.Inbound, c.Ring, c.Warmup, c.Http2, c.Locality, c.Discovery, c.Inline);
        }
        return sorted;
    }

    private static ClusterPlan Cluster(PlanContext context, MeshService service, int serviceIndex, ServicePort port, Subset? subset) =>
        Cluster(context, new ClusterTarget(service.Reference, context.Fqdn(service.Reference), $"$.spec.services[{serviceIndex}]", subset is null && port == service.Ports[0], service), port, subset);

    /// <summary>
    /// What a cluster is for: a service or external service (<see cref="Reference"/>, which policies target), the host
    /// its name carries (a service's FQDN, one host of an external service), where diagnostics point, whether it is
    /// the first cluster of its service (diagnostics about the whole service are reported there once), and the mesh
    /// service (null for an external service, which the mesh's mTLS does not cover).
    /// </summary>
    internal readonly record struct ClusterTarget(ServiceRef Reference, string Host, string Path, bool First, MeshService? Service);

    /// <summary>One cluster of <paramref name="target"/>'s port, or of one subset of it, with the destination policy's settings.</summary>
    internal static ClusterPlan Cluster(PlanContext context, ClusterTarget target, ServicePort port, Subset? subset)
    {
        var proxyless = context.Proxyless;
        var reference = target.Reference;
        var (lb, pool, outlier, tls) = context.PolicyWithTls(reference, subset?.Name, port.Port);
        var lbPolicy = lb?.Algorithm switch
        {
            null or LoadBalancerAlgorithm.RoundRobin => LbPolicy.RoundRobin,
            LoadBalancerAlgorithm.LeastRequest => proxyless ? LbPolicy.RoundRobin : LbPolicy.LeastRequest,
            LoadBalancerAlgorithm.Random => proxyless ? LbPolicy.RoundRobin : LbPolicy.Random,
            LoadBalancerAlgorithm.ConsistentHash when lb.ConsistentHash?.Ring?.Kind == HashRingKind.Maglev && !proxyless => LbPolicy.Maglev,
            LoadBalancerAlgorithm.ConsistentHash => LbPolicy.RingHash,
            _ => LbPolicy.RoundRobin,
        };
        var first = target.First;
        var path = target.Path;
        // Envoy slows the start of new endpoints for round robin and least request only.
        var warmup = lb?.Warmup;
        if (warmup is not null && (proxyless || lbPolicy is not (LbPolicy.RoundRobin or LbPolicy.LeastRequest)))
        {
            if (first) context.Warning(XdsDiagnosticCodes.NotEncoded, path, $"Warm-up for {reference} is not encoded: Envoy slows the start of new endpoints for round robin and least request only{(proxyless ? ", and proxyless gRPC clients have no slow start" : string.Empty)}.");
            warmup = null;
        }
        LocalityPlan? localityPlan;
        if (target.Service is null)
        {
            if (lb?.Locality is { Enabled: true } && first)
            {
                context.Warning(XdsDiagnosticCodes.NotEncoded, path, $"Locality-aware balancing for the external service {reference} is not encoded: its endpoints carry no locality.");
            }
            localityPlan = null;
        }
        else
        {
            localityPlan = Locality(context, lb?.Locality, reference, first ? path : null);
        }
        var http2 = port.Protocol is Protocol.Http2 or Protocol.Grpc || pool?.Http2Upgrade == Http2Upgrade.Upgrade;
        if (pool?.MaxConcurrentStreams is not null && !http2 && first)
        {
            context.Warning(XdsDiagnosticCodes.NotEncoded, path, $"maxConcurrentStreams for {reference} is not encoded on its HTTP/1 port {port.Port} (the limit applies to HTTP/2 connections; set http2Upgrade: upgrade to use HTTP/2).");
        }
        if (proxyless && lb?.Algorithm is LoadBalancerAlgorithm.LeastRequest or LoadBalancerAlgorithm.Random && first)
        {
            context.Warning(XdsDiagnosticCodes.ProxylessApproximated, path,
                $"Proxyless gRPC clients accept ROUND_ROBIN or RING_HASH only: {WireNames.Of(lb.Algorithm)} for {reference} is encoded as ROUND_ROBIN.");
        }
        if (port.Protocol == Protocol.Tls && tls is { Mode: ClientTlsMode.Simple or ClientTlsMode.Mutual } && !proxyless)
        {
            // The app speaks TLS on a TLS port (the sidecar matches it by SNI and proxies it as TCP): originating TLS again would wrap it twice.
            context.Warning(XdsDiagnosticCodes.NotEncoded, path,
                $"The client TLS ({WireNames.Of(tls.Mode)}) of the destination policy for {reference} is not encoded on its TLS port {port.Port}: the application already speaks TLS there, so the cluster proxies its bytes as they are (originate TLS from a plaintext port instead).");
            tls = null;
        }
        var upstream = UpstreamTls(context, target, port.Port, subset?.Name, tls);
        return new ClusterPlan(
            ResourceNames.OutboundCluster(target.Host, port.Port, subset?.Name),
            reference,
            port.Port,
            port.Protocol,
            subset?.Name,
            [.. subset?.Labels ?? default],
            pool?.ConnectTimeout ?? context.Options.DefaultConnectTimeout,
            lbPolicy,
            pool,
            outlier,
            upstream,
            Ring: lb?.ConsistentHash?.Ring,
            Warmup: warmup,
            Http2: http2 && PlanContext.IsHttp(port.Protocol) || port.Protocol is Protocol.Http2 or Protocol.Grpc,
            Locality: localityPlan);
    }

    /// <summary>
    /// The locality plan of a cluster for this client: none when the policy turns locality balancing off or sets none, or
    /// when the client's locality is unknown (reported once per service at <paramref name="reportAt"/>).
    /// </summary>
    private static LocalityPlan? Locality(PlanContext context, LocalityLoadBalancing? locality, ServiceRef service, string? reportAt)
    {
        if (locality is null or { Enabled: false }) return null;
        if (context.Proxy.Locality is not { } client)
        {
            if (reportAt is not null)
            {
                context.Warning(XdsDiagnosticCodes.NotEncoded, reportAt, $"Locality-aware balancing for {service} is not encoded: the client's locality is unknown (set XdsProxy.Locality, or --locality for mesh xds), so its endpoints keep one priority.");
            }
            return null;
        }
        if (locality.FailoverPriority.Count > 0 && reportAt is not null)
        {
            context.Warning(XdsDiagnosticCodes.NotEncoded, reportAt, $"failoverPriority for {service} is not encoded (it orders single endpoints by their labels, and the encoder orders whole localities); its endpoints are prioritised by locality.");
        }
        var failover = locality.Failover.FirstOrDefault(f => string.Equals(f.From, client.Region, StringComparison.Ordinal))?.To;
        var distribution = locality.Distribute.FirstOrDefault(d => LocalityPlan.Matches(d.From, client));
        return new LocalityPlan(client, failover, distribution);
    }

    /// <summary>
    /// The TLS of a cluster: the policy's client TLS when it sets one (plain text for <c>disable</c>), else the mesh's mTLS
    /// when the service's outbound mode is strict. Proxyless gRPC clients take no transport socket from us (their
    /// security comes from certificate providers in their bootstrap), so client TLS is reported for them.
    /// </summary>
    private static UpstreamTlsPlan? UpstreamTls(PlanContext context, ClusterTarget target, int port, string? subset, ClientTls? tls)
    {
        if (context.Proxyless)
        {
            if (tls is { Mode: not ClientTlsMode.Disable })
            {
                context.Warning(XdsDiagnosticCodes.ProxylessApproximated, target.Path,
                    $"Proxyless gRPC clients take TLS from the certificate providers of their bootstrap, not from the cluster: the client TLS for {target.Reference} is not encoded.");
            }
            return null;
        }
        var host = target.Host;
        return tls switch
        {
            // The SNI string is built only for clusters that originate TLS; external services are outside the mesh's mTLS.
            null => target.Service is { } service && OutboundMtlsMode(context.Config, service) == MtlsMode.Strict ? new UpstreamTlsPlan(ClientTlsMode.Mesh, ResourceNames.Sni(host, port, subset), default) : null,
            { Mode: ClientTlsMode.Disable } => null,
            { Mode: ClientTlsMode.Mesh } => new UpstreamTlsPlan(ClientTlsMode.Mesh, tls.Sni ?? ResourceNames.Sni(host, port, subset), tls.SubjectAltNames),
            _ => new UpstreamTlsPlan(
                tls.Mode,
                tls.Sni,
                tls.InsecureSkipVerify ? default : tls.SubjectAltNames,
                CaFile: tls.InsecureSkipVerify ? null : tls.CaCertificates ?? (tls.CredentialName is null ? context.Options.SystemCaFile : null),
                CaSecret: tls.InsecureSkipVerify || tls.CaCertificates is not null || tls.CredentialName is null ? null : tls.CredentialName + context.Options.CaCertificateSecretSuffix,
                CertificateSecret: tls.Mode == ClientTlsMode.Mutual ? tls.CredentialName : null),
        };
    }

    /// <summary>
    /// The mTLS mode clients use towards a service: its namespace's, else the mesh's, else permissive (workload-
    /// and port-scoped modes govern the server's inbound side; see <see cref="InboundPlanner"/>).
    /// </summary>
    private static MtlsMode OutboundMtlsMode(MeshConfig config, MeshService service)
    {
        MtlsMode? mesh = null, ns = null;
        foreach (var policy in config.Mtls)
        {
            switch (policy.Scope.Kind)
            {
                case MtlsScopeKind.Mesh: mesh = policy.Mode; break;
                case MtlsScopeKind.Namespace when string.Equals(policy.Scope.Namespace, service.Namespace, StringComparison.Ordinal): ns = policy.Mode; break;
            }
        }
        return ns ?? mesh ?? MtlsMode.Permissive;
    }
}
