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
            sorted[i] = new ClusterPlan(c.Name, c.Service, c.Port, c.Protocol, c.Subset, c.SubsetLabels, c.ConnectTimeout, c.LbPolicy, c.Pool, c.Outlier, c.Tls, c.Inbound);
        }
        return sorted;
    }

    private static ClusterPlan Cluster(PlanContext context, MeshService service, int serviceIndex, ServicePort port, Subset? subset)
    {
        var proxyless = context.Proxyless;
        var (lb, pool, outlier, tls) = context.PolicyWithTls(service.Reference, subset?.Name, port.Port);
        var lbPolicy = lb?.Algorithm switch
        {
            null or LoadBalancerAlgorithm.RoundRobin => LbPolicy.RoundRobin,
            LoadBalancerAlgorithm.LeastRequest => proxyless ? LbPolicy.RoundRobin : LbPolicy.LeastRequest,
            LoadBalancerAlgorithm.Random => proxyless ? LbPolicy.RoundRobin : LbPolicy.Random,
            LoadBalancerAlgorithm.ConsistentHash => LbPolicy.RingHash,
            _ => LbPolicy.RoundRobin,
        };
        if (proxyless && lb?.Algorithm is LoadBalancerAlgorithm.LeastRequest or LoadBalancerAlgorithm.Random && subset is null && port == service.Ports[0])
        {
            context.Warning(XdsDiagnosticCodes.ProxylessApproximated, $"$.spec.services[{serviceIndex}]",
                $"Proxyless gRPC clients accept ROUND_ROBIN or RING_HASH only: {WireNames.Of(lb.Algorithm)} for {service.Reference} is encoded as ROUND_ROBIN.");
        }
        var fqdn = context.Fqdn(service.Reference);
        var upstream = UpstreamTls(context, service, serviceIndex, port.Port, subset?.Name, fqdn, tls);
        return new ClusterPlan(
            ResourceNames.OutboundCluster(fqdn, port.Port, subset?.Name),
            service.Reference,
            port.Port,
            port.Protocol,
            subset?.Name,
            [.. subset?.Labels ?? default],
            pool?.ConnectTimeout ?? context.Options.DefaultConnectTimeout,
            lbPolicy,
            pool,
            outlier,
            upstream);
    }

    /// <summary>
    /// The TLS of a cluster: the policy's client TLS when it sets one (plain text for <c>disable</c>), else the mesh's mTLS
    /// when the service's outbound mode is strict. Proxyless gRPC clients take no transport socket from us (their
    /// security comes from certificate providers in their bootstrap), so client TLS is reported for them.
    /// </summary>
    private static UpstreamTlsPlan? UpstreamTls(PlanContext context, MeshService service, int serviceIndex, int port, string? subset, string fqdn, ClientTls? tls)
    {
        if (context.Proxyless)
        {
            if (tls is { Mode: not ClientTlsMode.Disable })
            {
                context.Warning(XdsDiagnosticCodes.ProxylessApproximated, $"$.spec.services[{serviceIndex}]",
                    $"Proxyless gRPC clients take TLS from the certificate providers of their bootstrap, not from the cluster: the client TLS for {service.Reference} is not encoded.");
            }
            return null;
        }
        return tls switch
        {
            // The SNI string is built only for clusters that originate TLS.
            null => OutboundMtlsMode(context.Config, service) == MtlsMode.Strict ? new UpstreamTlsPlan(ClientTlsMode.Mesh, ResourceNames.Sni(fqdn, port, subset), default) : null,
            { Mode: ClientTlsMode.Disable } => null,
            { Mode: ClientTlsMode.Mesh } => new UpstreamTlsPlan(ClientTlsMode.Mesh, tls.Sni ?? ResourceNames.Sni(fqdn, port, subset), tls.SubjectAltNames),
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
