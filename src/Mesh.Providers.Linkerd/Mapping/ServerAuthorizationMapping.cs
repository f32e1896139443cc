using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Linkerd.Resources;

namespace Mesh.Providers.Linkerd.Mapping;

/// <summary>
/// The legacy <c>ServerAuthorization</c> → access policies (read only: it became an AuthorizationPolicy targeting the Server
/// with a MeshTLSAuthentication or NetworkAuthentication, which is how <see cref="AuthorizationMapping"/> writes it back). Each
/// becomes an allow policy per Server it selects (by name, or by the Servers' labels), whose source is its client: the
/// networks of unauthenticated clients, or the service accounts and identities of meshTLS ones.
/// </summary>
internal sealed class ServerAuthorizationMapping(ServerMapping servers, AuthenticationMapping authentications, ImportContext ctx)
{
    private readonly List<(ServerAuthorization Authorization, string Namespace, string Source)> _read = [];

    /// <summary>Linkerd → model: reads a ServerAuthorization, with a legacy note.</summary>
    public void Read(ServerAuthorization authorization, string ns, string source)
    {
        ctx.Legacy(source, "$.kind", "ServerAuthorization is Linkerd's legacy authorization: it became an AuthorizationPolicy targeting the Server with a MeshTLSAuthentication (identities) or NetworkAuthentication (networks), which is how this provider writes it back.");
        _read.Add((authorization, ns, source));
    }

    /// <summary>
    /// Linkerd → model: the access policies of the ServerAuthorizations read, added to <paramref name="result"/> once the Servers
    /// are read; <paramref name="ports"/> gives a Server's port condition, <paramref name="uncovered"/> reports the ports of a
    /// service no Server covers.
    /// </summary>
    public void ToModel(Func<ServerMapping.ServerWorkload, AccessOperation?> ports, Action<ServerMapping.ServerWorkload, string, string> uncovered, List<AccessPolicy> result)
    {
        foreach (var (authorization, ns, source) in _read) ToModel(authorization, ns, source, ports, uncovered, result);
    }

    private void ToModel(ServerAuthorization authorization, string ns, string source, Func<ServerMapping.ServerWorkload, AccessOperation?> ports, Action<ServerMapping.ServerWorkload, string, string> uncovered, List<AccessPolicy> result)
    {
        var workloads = servers.Workloads;
        var name = authorization.Metadata?.Name ?? "server-authorization";
        var server = authorization.Spec.Server;
        var targets = new List<ServerMapping.ServerWorkload>();
        if (server?.Name is { } serverName)
        {
            if (workloads.TryGetValue((ns, serverName), out var w))
            {
                targets.Add(w);
                servers.Use((ns, serverName));
            }
        }
        else if (server?.Selector is { } selector)
        {
            if (selector.MatchExpressions is { Count: > 0 }) ctx.NotImported(source, "$.spec.server.selector.matchExpressions", "Set-based Server selectors are not read; only matchLabels selects the Servers.");
            foreach (var ((sns, sname), s) in servers.InNamespace(ns))
            {
                var labels = s.Metadata?.Labels ?? new Dictionary<string, string>();
                if ((selector.MatchLabels ?? []).All(l => labels.TryGetValue(l.Key, out var v) && v == l.Value) && workloads.TryGetValue((sns, sname), out var w))
                {
                    targets.Add(w);
                    servers.Use((sns, sname));
                }
            }
        }
        if (targets.Count == 0)
        {
            ctx.NotImported(source, "$.spec", "No Server in the input that selects a service matches; the authorization is not imported.");
            return;
        }
        var client = authorization.Spec.Client;
        AccessSource? from;
        if (client?.Unauthenticated == true)
        {
            from = client.Networks is { Count: > 0 } ? authentications.NetworkSource(client.Networks, source, "$.spec.client.networks") : null;
            if (client.MeshTls is not null) ctx.NotImported(source, "$.spec.client.meshTLS", "Unauthenticated clients are authorized, which includes every meshed client; the meshTLS clients add nothing.");
        }
        else if (client?.MeshTls is { } mesh)
        {
            if (mesh.UnauthenticatedTls == true) ctx.NotImported(source, "$.spec.client.meshTLS.unauthenticatedTLS", "TLS clients without a mesh identity are not in the model; they are not imported.");
            var accounts = (mesh.ServiceAccounts ?? []).Where(a => a.Name is not null).Select(a => new ServiceAccountRef(a.Namespace ?? ns, a.Name!)).ToList();
            var converted = authentications.MeshSource(new MeshTlsAuthentication { Spec = { Identities = mesh.Identities } }, ns, source, "$.spec.client.meshTLS");
            from = converted with { ServiceAccounts = [.. accounts, .. converted.ServiceAccounts] };
            if (!from.HasAlternatives)
            {
                ctx.NotImported(source, "$.spec", "The meshTLS clients name no service account, namespace or '*' the model expresses; the authorization is not imported rather than read as any client.");
                return;
            }
            if (client.Networks is { Count: > 0 }) ctx.NotImported(source, "$.spec.client.networks", "Linkerd requires both the network and the identity here, while the model's sources are alternatives; the networks are not imported.");
        }
        else
        {
            ctx.NotImported(source, "$.spec", "The client authorizes nobody (neither unauthenticated nor meshTLS); the authorization is not imported.");
            return;
        }
        ctx.NotImportedInfo(source, "$.spec", "The ServerAuthorization is read as an access policy and written back in its current form (an AuthorizationPolicy targeting the Server, with a MeshTLSAuthentication or NetworkAuthentication), not as a ServerAuthorization.");
        for (var t = 0; t < targets.Count; t++)
        {
            var policyName = targets.Count == 1 ? name : ResourceNames.Join(name, (t + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            result.Add(AuthorizationMapping.Policy(policyName, ns, targets[t].Service, targets[t].Subset, new AccessRule { From = from, To = ports(targets[t]) }));
        }
        foreach (var workload in targets.DistinctBy(t => (t.Service, t.Subset))) uncovered(workload, source, "$.spec.server");
    }
}
