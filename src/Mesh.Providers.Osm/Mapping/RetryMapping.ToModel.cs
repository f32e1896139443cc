using System.Globalization;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Osm.Resources;
using Mesh.Providers.Osm.Translation;

namespace Mesh.Providers.Osm.Mapping;

/// <summary>
/// OSM <c>Retry</c>s → the retry policy of the route of each destination Service (its one rule). OSM retries the calls of one
/// source account, the model every caller's: the source is reported. A destination no split routes gets a route of its own, named
/// after it, that sends everything to it. Two Retries with different policies for one destination are undefined in OSM: the
/// first in namespace/name order is kept, and the other reported, naming it.
/// </summary>
internal static partial class RetryMapping
{
    public static void ToModel(ImportIndex index, List<HttpRoute> routes, List<Model.TcpRoute> tcpRoutes, ImportContext ctx)
    {
        var setBy = new Dictionary<ServiceRef, ImportDocument<Retry>>();
        foreach (var doc in index.Retries.Values)
        {
            ctx.ReportMetadata(doc.Resource.Metadata, doc.Source);
            if (doc.Resource.Spec is not { } spec)
            {
                ctx.Invalid(doc.Source, "$.spec", "A Retry needs a spec (source, destinations and retryPolicy).");
                continue;
            }
            if (spec.Source is not { Kind: Identities.ServiceAccountKind, Name.Length: > 0 } source)
            {
                ctx.Invalid(doc.Source, "$.spec.source", "A Retry's source is a ServiceAccount with a name.");
                continue;
            }
            ctx.NotImportedInfo(doc.Source, "$.spec.source", $"OSM retries the calls of service account {source.Namespace ?? doc.Namespace}/{source.Name}; the model's retry policy applies to every caller of the destination.");
            if (Policy(doc, spec.RetryPolicy, ctx) is not { } policy) continue;
            var destinations = spec.Destinations ?? [];
            for (var k = 0; k < destinations.Count; k++)
            {
                var path = $"$.spec.destinations[{k.ToString(CultureInfo.InvariantCulture)}]";
                if (destinations[k] is not { } destination) continue;
                if (destination.Kind != Identities.ServiceKind || destination.Name is not { Length: > 0 } name || !Validation.DnsNames.IsDnsLabel(name))
                {
                    ctx.NotImported(doc.Source, path, $"A Retry destination the model reads is a Service with a name; this {destination.Kind} is not imported.");
                    continue;
                }
                var host = new ServiceRef(name, string.IsNullOrEmpty(destination.Namespace) ? doc.Namespace : destination.Namespace);
                if (tcpRoutes.Exists(t => t.Host == host))
                {
                    ctx.NotImported(doc.Source, path, $"{host} is split as TCP traffic, which is not retried; the policy is not imported for it.");
                    continue;
                }
                var at = routes.FindIndex(r => r.Host == host);
                if (at < 0)
                {
                    if (routes.Exists(r => r.Namespace == host.Namespace && r.Name == host.Name))
                    {
                        ctx.NotImported(doc.Source, path, $"No split routes {host}, and the route the model would carry its retries on, {host.Namespace}/{host.Name}, is another host's; the policy is not imported for it.");
                        continue;
                    }
                    ImportNotes.Note(ctx, doc.Source, path, $"No TrafficSplit routes {host}: the retry policy is carried by a route of its own, {host.Namespace}/{host.Name}, that sends every request to it.");
                    routes.Add(new HttpRoute { Name = host.Name, Namespace = host.Namespace, Host = host, Rules = [new HttpRouteRule { Backends = [new WeightedBackend { Service = host }], Retry = policy }] });
                    setBy[host] = doc;
                    continue;
                }
                var rule = routes[at].Rules[0];
                if (rule.Retry is null)
                {
                    routes[at] = routes[at] with { Rules = [rule with { Retry = policy }] };
                    setBy[host] = doc;
                }
                else if (rule.Retry != policy)
                {
                    var kept = setBy[host];
                    ctx.NotImported(doc.Source, path, $"Retry {kept.Namespace}/{kept.Name} sets another policy for {host}: the model has one retry policy per route, whoever calls, and keeps {kept.Namespace}/{kept.Name}'s, the first in namespace/name order; this one is not imported for it.");
                }
            }
        }
    }

    /// <summary>The model's policy, or null when the Retry has none.</summary>
    private static RetryPolicy? Policy(ImportDocument<Retry> doc, RetryPolicySpec? spec, ImportContext ctx)
    {
        const string At = "$.spec.retryPolicy";
        if (spec is null)
        {
            ctx.Invalid(doc.Source, At, "A Retry needs a retryPolicy.");
            return null;
        }
        var on = new List<RetryCondition>();
        foreach (var name in (spec.RetryOn ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (name != WireNames.Of(RetryCondition.RetriableStatusCodes) && WireNames.TryParse<RetryCondition>(name, out var condition))
            {
                if (!on.Contains(condition)) on.Add(condition);
            }
            else
            {
                ctx.NotImported(doc.Source, $"{At}.retryOn", $"'{name}' is no retry condition the model has (retriable-status-codes needs the codes, which a Retry cannot list); it is not imported.");
            }
        }
        TimeSpan? perTry = null;
        if (spec.PerTryTimeout is { } text)
        {
            if (GoDuration.TryParse(text, out var value) && value > TimeSpan.Zero) perTry = value;
            else ctx.NotImported(doc.Source, $"{At}.perTryTimeout", $"'{text}' is not a positive duration; each try is bounded only by the route.");
        }
        var attempts = spec.NumRetries ?? 1;
        if (spec.NumRetries is null) ctx.NotImportedInfo(doc.Source, $"{At}.numRetries", "No numRetries: Envoy's default, 1, is imported.");
        if (attempts is < 0 or > 10)
        {
            ctx.NotImported(doc.Source, $"{At}.numRetries", $"{attempts} retries are outside the model's 0–10; imported as {Math.Clamp(attempts, 0, 10)}.");
            attempts = Math.Clamp(attempts, 0, 10);
        }
        RetryBackoff? backoff = null;
        if (spec.RetryBackoffBaseInterval is { } interval)
        {
            if (GoDuration.TryParse(interval, out var value) && value > TimeSpan.Zero) backoff = new RetryBackoff { BaseInterval = value };
            else ctx.NotImported(doc.Source, $"{At}.retryBackoffBaseInterval", $"'{interval}' is not a positive duration; Envoy's default back-off applies.");
        }
        return new RetryPolicy { Attempts = attempts, PerTryTimeout = perTry, On = [.. on], Backoff = backoff };
    }
}
