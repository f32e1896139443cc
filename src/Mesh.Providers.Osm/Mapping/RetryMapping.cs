using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Osm.Resources;
using Mesh.Providers.Osm.Translation;

namespace Mesh.Providers.Osm.Mapping;

/// <summary>
/// Retry policies → OSM <c>Retry</c>s. OSM applies a Retry to the calls of one source service account, the model a retry to every
/// caller of the host: a Retry is written per caller account of the model (<see cref="Identities.Callers"/>) and distinct policy,
/// in the caller's namespace, named <c>&lt;account&gt;-retry</c> (then <c>-retry-2</c>, …), listing the hosts with that policy.
/// All four policy fields are required by the CRD: a missing one is written with what Envoy does without it.
/// </summary>
internal static partial class RetryMapping
{
    /// <summary>Envoy's per-try timeout without one: the route timeout, 15s, since OSM sets none.</summary>
    public static readonly TimeSpan DefaultPerTryTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Envoy's back-off base interval without one.</summary>
    public static readonly TimeSpan DefaultBaseInterval = TimeSpan.FromMilliseconds(25);

    /// <summary>What is retried when the model names no condition (OSM's own examples).</summary>
    public const string DefaultRetryOn = "5xx";

    public static List<Retry> ToOsm(IReadOnlyList<RetryDraft> drafts, OsmExportContext ctx)
    {
        var callers = Identities.Callers(ctx.Config);
        var callerList = Identities.Describe(callers);
        var policies = new List<(RetryPolicySpec Spec, List<ServiceRef> Hosts)>();
        foreach (var draft in drafts)
        {
            if (Spec(draft, ctx) is not { } spec) continue;
            if (callers.Count == 0)
            {
                ctx.Unsupported(draft.Path, "A Retry names the service account whose calls retry: the model has no service to call from, so none is written.");
                continue;
            }
            ctx.Note(draft.Path, ctx.Message("OSM retries per calling service account: a Retry is written for the accounts of the model's services ({0}, each named after its service); callers outside the model do not retry.", callerList));
            var same = policies.FindIndex(p => Equal(p.Spec, spec));
            if (same < 0) policies.Add((spec, [draft.Host]));
            else if (!policies[same].Hosts.Contains(draft.Host)) policies[same].Hosts.Add(draft.Host);
        }
        if (policies.Count == 0) return [];
        ctx.RetriesWritten = true;
        ctx.Note("$.spec.routes", ctx.Options.WriteMeshConfig
            ? "OSM applies Retry policies only with featureFlags.enableRetryPolicy: the MeshConfig written sets it."
            : "OSM applies Retry policies only with featureFlags.enableRetryPolicy: set it in the MeshConfig (WriteMeshConfig is off).");
        var retries = new List<Retry>();
        foreach (var caller in callers)
        {
            for (var k = 0; k < policies.Count; k++)
            {
                var (spec, hosts) = policies[k];
                retries.Add(Ownership.From(new Retry
                {
                    Metadata = new k8s.Models.V1ObjectMeta { Name = k == 0 ? $"{caller.Name}-retry" : $"{caller.Name}-retry-{k + 1}", NamespaceProperty = caller.Namespace },
                    Spec = new RetrySpec
                    {
                        Source = Identities.Account(caller),
                        Destinations = [.. hosts.OrderBy(h => h.Namespace, StringComparer.Ordinal).ThenBy(h => h.Name, StringComparer.Ordinal).Select(Identities.Service)],
                        RetryPolicy = spec,
                    },
                }, ctx.Config.Routes.Where(r => hosts.Contains(r.Host) && r.Rules.Any(x => x.Retry is not null)).Select(ModelObjectNames.Of)));
            }
        }
        return retries;
    }

    /// <summary>The policy as OSM writes it, or null when nothing OSM retries on is left.</summary>
    private static RetryPolicySpec? Spec(RetryDraft draft, OsmExportContext ctx)
    {
        var retry = draft.Retry;
        var on = retry.On.Where(c => c != RetryCondition.RetriableStatusCodes).Select(WireNames.Of).ToList();
        if (retry.On.Contains(RetryCondition.RetriableStatusCodes) || !retry.StatusCodes.IsEmpty)
        {
            ctx.Unsupported($"{draft.Path}.statusCodes", "OSM's Retry has no list of retriable status codes: retriable-status-codes is not written.");
            if (on.Count == 0)
            {
                ctx.Unsupported(draft.Path, "No retry condition OSM has is left: the retry policy is not written.");
                return null;
            }
        }
        if (on.Count == 0)
        {
            on.Add(DefaultRetryOn);
            ctx.Approximated($"{draft.Path}.on", $"OSM's retryOn is required: the model's mesh-default conditions are written as {DefaultRetryOn}.");
        }
        if (retry.PerTryTimeout is null)
        {
            ctx.Approximated($"{draft.Path}.perTryTimeout", "OSM's perTryTimeout is required: written as 15s, Envoy's route timeout, which bounds each try when OSM sets no timeout.");
        }
        var baseInterval = retry.Backoff?.BaseInterval ?? DefaultBaseInterval;
        if (retry.Backoff is null)
        {
            ctx.Approximated($"{draft.Path}.backoff", "OSM's retryBackoffBaseInterval is required: written as 25ms, Envoy's default.");
        }
        else if (retry.Backoff.MaxInterval is { } max && max != baseInterval * 10)
        {
            ctx.Unsupported($"{draft.Path}.backoff.maxInterval", "OSM's Retry has no maximum back-off interval: Envoy's, ten times the base interval, applies.");
        }
        return new RetryPolicySpec
        {
            RetryOn = string.Join(",", on),
            PerTryTimeout = GoDuration.Format(retry.PerTryTimeout ?? DefaultPerTryTimeout),
            NumRetries = retry.Attempts,
            RetryBackoffBaseInterval = GoDuration.Format(baseInterval),
        };
    }

    private static bool Equal(RetryPolicySpec a, RetryPolicySpec b) =>
        a.RetryOn == b.RetryOn && a.PerTryTimeout == b.PerTryTimeout && a.NumRetries == b.NumRetries && a.RetryBackoffBaseInterval == b.RetryBackoffBaseInterval;
}
