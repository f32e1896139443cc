using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Translation;
using Mesh.Providers.Linkerd.Resources;
using Mesh.Serialization;

namespace Mesh.Providers.Linkerd.Mapping;

/// <summary>
/// A destination's rate limit ↔ Linkerd's <c>HTTPLocalRateLimitPolicy</c>: one per Server of the target (a Server per HTTP port
/// of the service, or the target's port, selecting the service's workloads and a subset's labels, named as an access policy's
/// Servers are, so the two share them), its <c>total.requestsPerSecond</c> the limit. Linkerd counts per second, has no burst
/// beyond one second's requests, answers 429 and limits a Server as a whole: another interval is written as the same rate per
/// second, a larger burst as none (both reported), another status and route limits are reported. A Server written for a rate
/// limit alone admits every client (<c>accessPolicy: all-unauthenticated</c>, Linkerd's default policy), noted. Read back, a
/// service's Servers with one rate are one policy for the service (or subset), else one per port; per-identity limits and
/// overrides are reported.
/// </summary>
internal static class RateLimitMapping
{
    /// <summary>The Server access policy of a Server written for a rate limit alone: what Linkerd's default policy admits.</summary>
    public const string OpenAccessPolicy = "all-unauthenticated";

    /// <summary>A Server and the rate limit written on it.</summary>
    public readonly record struct Written(Server Server, HttpLocalRateLimitPolicy Policy, string Path);

    public static IEnumerable<Written> ToLinkerd(DestinationPolicy policy, string path, RouteExportContext ctx)
    {
        var limit = policy.RateLimit!;
        path += ".rateLimit";
        if (!limit.Routes.IsEmpty)
        {
            ctx.Unsupported(path + ".routes", "Linkerd's HTTPLocalRateLimitPolicy limits a Server as a whole (in total, per client identity, per client); route limits are not written.");
        }
        if (limit.Status is { } status && status != LocalRateLimit.DefaultStatus)
        {
            ctx.Unsupported(path + ".status", $"Linkerd answers a rate-limited request with 429 only; status {status} is not written.");
        }
        if (limit.Requests is not { } requests) yield break;
        var target = policy.Target;
        var service = ctx.FindService(target.Service);
        if (service is null || service.Ports.IsEmpty || service.WorkloadLabels(target.Subset) is not { } labels)
        {
            ctx.Unsupported(path, $"A Linkerd rate limit targets a Server, which needs a port and the workloads' labels; the model gives no {(service is null || service.Ports.IsEmpty ? "ports" : "labels")} for '{target.Service}'{(target.Subset is { } s ? $" subset '{s}'" : string.Empty)}, so the rate limit is not written.");
            yield break;
        }
        var perSecond = PerSecond(requests, limit.Interval, limit.Burst, path, ctx);
        for (var i = 0; i < service.Ports.Count; i++)
        {
            var port = service.Ports[i];
            if (target.Port is { } only ? port.Port != only : port.Protocol is not (Protocol.Http or Protocol.Http2 or Protocol.Grpc)) continue;
            var name = ServerMapping.ServerName(service, target.Subset, port);
            var server = ServerMapping.Server(name, service.Namespace, port, new Dictionary<string, string>(labels, StringComparer.Ordinal));
            server.Spec.AccessPolicy = OpenAccessPolicy;
            var rateLimit = new HttpLocalRateLimitPolicy
            {
                Metadata = { Name = name, NamespaceProperty = service.Namespace },
                Spec =
                {
                    TargetRef = new PolicyReference { Group = Server.KubeGroup, Kind = Server.KubeKind, Name = name },
                    Total = new RateLimitRequests { RequestsPerSecond = perSecond },
                },
            };
            yield return new Written(server, rateLimit, path);
        }
    }

    /// <summary>Requests per interval as requests per second (the same average rate, rounded, at least 1); a burst Linkerd cannot hold is reported.</summary>
    private static int PerSecond(int requests, TimeSpan? interval, int? burst, string path, RouteExportContext ctx)
    {
        var length = interval ?? LocalRateLimit.DefaultInterval;
        var perSecond = requests;
        if (length != LocalRateLimit.DefaultInterval)
        {
            var rate = requests * (decimal)TimeSpan.TicksPerSecond / length.Ticks;
            perSecond = (int)Math.Max(1m, Math.Min(int.MaxValue, decimal.Round(rate, MidpointRounding.AwayFromZero)));
            ctx.Approximated(path + ".interval", $"Linkerd counts requests per second: {requests} per {MeshDuration.Format(length)} is written as {perSecond} per second{(rate == perSecond ? " (the same average rate)" : " (rounded)")}.");
        }
        if ((burst ?? requests) != perSecond)
        {
            ctx.Approximated(path + (burst is null ? ".interval" : ".burst"), $"Linkerd has no burst: a workload admits up to one second's requests ({perSecond}) at once, not {burst ?? requests}.");
        }
        return perSecond;
    }

    /// <summary>One HTTPLocalRateLimitPolicy read: its Server, the rate, and where it came from.</summary>
    public readonly record struct Read(HttpLocalRateLimitPolicy Policy, string Namespace, string Source);

    /// <summary>Notes the Server a policy read targets, so that the Server's open access policy is read as the default.</summary>
    public static void Target(HttpLocalRateLimitPolicy policy, string ns, ServerMapping servers)
    {
        if (policy.Spec?.TargetRef is { Kind: Server.KubeKind, Name: { } name }) servers.RateLimited.Add((ns, name));
    }

    /// <summary>Linkerd → model: the rate limits of the policies read, as destination policies, once the Servers and the services' ports are known.</summary>
    public static List<DestinationPolicy> ToModel(List<Read> reads, ServerMapping servers, MeshConfig model, ImportContext ctx)
    {
        var byWorkload = new SortedDictionary<(string Service, string Subset), List<(ServerMapping.ServerWorkload Workload, int PerSecond, string Source)>>(OrdinalKeyComparer.Instance);
        foreach (var (policy, ns, source) in reads)
        {
            var spec = policy.Spec;
            if (spec?.TargetRef is not { } target || target.Kind != Server.KubeKind || target.Group is not (null or "" or Server.KubeGroup) || target.Name is null)
            {
                ctx.Invalid(source, "$.spec.targetRef", "An HTTPLocalRateLimitPolicy targets a Server (policy.linkerd.io) by name.");
                continue;
            }
            if (spec.Identity is not null) ctx.NotImported(source, "$.spec.identity", "The model limits a workload as a whole, not each client identity: the per-identity limit is not imported.");
            if (spec.Overrides is { Count: > 0 }) ctx.NotImported(source, "$.spec.overrides", "The model has no limits for given clients: the overrides are not imported.");
            if (spec.Total?.RequestsPerSecond is not { } total)
            {
                ctx.NotImportedInfo(source, "$.spec", "Without a total limit the policy limits nothing the model holds: no rate limit is read.");
                continue;
            }
            if (total is < 1 or > int.MaxValue)
            {
                ctx.Invalid(source, "$.spec.total.requestsPerSecond", $"requestsPerSecond must be between 1 and {int.MaxValue}, not {total}.");
                continue;
            }
            if (!servers.Workloads.TryGetValue((ns, target.Name), out var workload))
            {
                ctx.NotImported(source, "$.spec", $"Server '{ns}/{target.Name}' is not in the input (or not read): the rate limit has no workloads and is not imported.");
                continue;
            }
            servers.Use((ns, target.Name));
            var key = (workload.Service.ToString(), workload.Subset ?? string.Empty);
            if (!byWorkload.TryGetValue(key, out var list)) byWorkload[key] = list = [];
            if (list.Exists(w => w.Workload.Port == workload.Port))
            {
                ctx.NotImported(source, "$.spec.targetRef", $"Another HTTPLocalRateLimitPolicy already limits port {workload.Port} of these workloads; Linkerd leaves two undefined, and the first in namespace/name order is kept.");
                continue;
            }
            list.Add((workload, (int)total, source));
        }
        var result = new List<DestinationPolicy>();
        foreach (var list in byWorkload.Values)
        {
            var first = list[0].Workload;
            var httpPorts = model.FindService(first.Service)?.Ports.Where(p => p.Protocol is Protocol.Http or Protocol.Http2 or Protocol.Grpc).Select(p => p.Port).ToHashSet() ?? [];
            var whole = list.All(w => w.PerSecond == list[0].PerSecond) && httpPorts.SetEquals(list.Select(w => w.Workload.Port));
            foreach (var (workload, perSecond, _) in whole ? list.Take(1) : list)
            {
                result.Add(new DestinationPolicy
                {
                    Target = new PolicyTarget { Service = workload.Service, Subset = workload.Subset, Port = whole ? null : workload.Port },
                    RateLimit = new LocalRateLimit { Requests = perSecond },
                });
            }
        }
        return result;
    }
}
