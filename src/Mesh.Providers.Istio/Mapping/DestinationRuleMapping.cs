using Mesh.Translation;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Istio.Resources;
using Mesh.Providers.Istio.Translation;

namespace Mesh.Providers.Istio.Mapping;

/// <summary>
/// Services' subsets and destination policies ↔ <c>DestinationRule</c>s: one per host, named after the service, with the
/// service's subsets (<see cref="SubsetMapping"/>) and a traffic policy for the host or a subset per destination policy
/// (load balancer, connection pool, outlier detection: each its own mapping). Read in two passes: the services and their
/// subsets first (<see cref="ServiceToModel"/>), then the policies (<see cref="PoliciesToModel"/>).
/// </summary>
internal static class DestinationRuleMapping
{
    public static IEnumerable<DestinationRule> ToIstio(MeshConfig config, IstioExportContext ctx)
    {
        var byService = new SortedDictionary<string, (ServiceRef Ref, DestinationRule Rule)>(StringComparer.Ordinal);
        DestinationRule RuleFor(ServiceRef service)
        {
            var key = service.Namespace + "/" + service.Name;
            if (!byService.TryGetValue(key, out var entry))
            {
                entry = (service, new DestinationRule
                {
                    Metadata = { Name = service.Name, NamespaceProperty = service.Namespace },
                    Spec = { Host = ctx.Fqdn(service) },
                });
                byService[key] = entry;
            }
            return entry.Rule;
        }

        for (var i = 0; i < config.Services.Count; i++)
        {
            var service = config.Services[i];
            if (ctx.Options.ServiceOutput != ServiceOutput.All)
            {
                // The cluster's own Service carries these; with ServiceOutput.All the translation writes it.
                if (!service.Ports.IsEmpty)
                {
                    ctx.Note($"$.spec.services[{i}].ports", "Istio reads service ports (names, target ports, protocols) from the Kubernetes Service, which this translation does not write (ServiceOutput.All writes it).");
                }
                if (!service.Selector.IsEmpty && service.Selector != MeshService.DefaultSelector(service.Name))
                {
                    ctx.Note($"$.spec.services[{i}].selector", "Istio finds a service's workloads by the selector of its Kubernetes Service, which this translation does not write (ServiceOutput.All writes it).");
                }
            }
            if (service.Subsets.IsEmpty) continue;
            var rule = Ownership.From(RuleFor(service.Reference), ModelObjectNames.Of(service));
            rule.Spec.Subsets = SubsetMapping.ToIstio(service.Subsets);
        }

        for (var i = 0; i < config.ExternalServices.Count; i++)
        {
            var external = config.ExternalServices[i];
            if (external.Subsets.IsEmpty) continue;
            var reference = new ServiceRef(external.Name, external.Namespace);
            if (ctx.FindService(reference) is not null) continue;
            Ownership.From(RuleFor(reference), ModelObjectNames.Of(external)).Spec.Subsets = SubsetMapping.ToIstio(external.Subsets);
        }

        var seen = new HashSet<PolicyTarget>();
        for (var i = 0; i < config.DestinationPolicies.Count; i++)
        {
            var policy = config.DestinationPolicies[i];
            var path = $"$.spec.destinationPolicies[{i}]";
            if (!seen.Add(policy.Target))
            {
                ctx.Unsupported(path, "A second destination policy for the same target is not written: Istio keeps one traffic policy per host, subset and port.");
                continue;
            }
            if (policy.RateLimit is not null)
            {
                ctx.Unsupported($"{path}.rateLimit", "Istio has no rate-limit API; its documentation prescribes an EnvoyFilter inserting envoy.filters.http.local_ratelimit into the workload's inbound HTTP filter chain, a patch of generated Envoy configuration that Istio does not validate and that can break on upgrade, so it is not written: apply one yourself, or use the xDS encoder, which emits the filter.");
            }
            if (policy is { LoadBalancer: null, OutlierDetection: null, Tls: null } && (policy.ConnectionPool is null || policy.ConnectionPool == new Model.ConnectionPool()))
            {
                if (policy.RateLimit is null) ctx.Note(path, "The policy sets nothing (all defaults); no traffic policy is written for it.");
                continue;
            }
            var rule = Ownership.From(RuleFor(policy.Target.Service), ModelObjectNames.Of(policy));
            var traffic = TrafficToIstio(policy, path, ctx);
            Resources.Subset? subset = null;
            if (policy.Target.Subset is { } subsetName)
            {
                rule.Spec.Subsets ??= [];
                subset = rule.Spec.Subsets.Find(s => s.Name == subsetName);
                if (subset is null)
                {
                    subset = new Resources.Subset { Name = subsetName };
                    rule.Spec.Subsets.Add(subset);
                }
            }
            var current = subset is null ? rule.Spec.TrafficPolicy : subset.TrafficPolicy;
            TrafficPolicy updated;
            if (policy.Target.Port is { } port)
            {
                // A port's policy is one entry of the port-less policy's portLevelSettings (kept in port order).
                updated = current ?? new TrafficPolicy();
                updated.PortLevelSettings ??= [];
                var entry = new PortTrafficPolicy
                {
                    Port = new PortSelector { Number = port },
                    LoadBalancer = traffic.LoadBalancer,
                    ConnectionPool = traffic.ConnectionPool,
                    OutlierDetection = traffic.OutlierDetection,
                    Tls = traffic.Tls,
                };
                var at = updated.PortLevelSettings.FindIndex(e => e.Port?.Number > port);
                updated.PortLevelSettings.Insert(at < 0 ? updated.PortLevelSettings.Count : at, entry);
            }
            else
            {
                traffic.PortLevelSettings = current?.PortLevelSettings;
                updated = traffic;
            }
            if (subset is null) rule.Spec.TrafficPolicy = updated;
            else subset.TrafficPolicy = updated;
        }
        for (var i = 0; i < config.ExternalServices.Count; i++)
        {
            var external = config.ExternalServices[i];
            var reference = new ServiceRef(external.Name, external.Namespace);
            if (external.Hosts.Count > 1 && ctx.FindService(reference) is null && byService.ContainsKey(reference.Namespace + "/" + reference.Name))
            {
                ctx.Approximated($"$.spec.externalServices[{i}].hosts", $"A DestinationRule has one host: the subsets and policies of '{reference}' are written for its first host, {external.Hosts[0]}, and do not apply to calls to its other hosts.");
            }
        }
        return byService.Values.Select(v => v.Rule);
    }

    private static TrafficPolicy TrafficToIstio(DestinationPolicy policy, string path, IstioExportContext ctx)
    {
        var result = new TrafficPolicy();
        if (policy.LoadBalancer is { } lb) result.LoadBalancer = LoadBalancerMapping.ToIstio(lb, path, ctx);
        if (policy.ConnectionPool is { } pool && pool != new Model.ConnectionPool()) result.ConnectionPool = ConnectionPoolMapping.ToIstio(pool);
        if (policy.OutlierDetection is { } od) result.OutlierDetection = OutlierDetectionMapping.ToIstio(od);
        if (policy.Tls is { } tls) result.Tls = ClientTlsMapping.ToIstio(tls);
        return result;
    }

    /// <summary>First pass: the rule's host as a service with the rule's subsets, when it has subsets or a policy the model carries.</summary>
    public static void ServiceToModel(DestinationRule dr, string ns, string source, ModelBuilder model, IstioImportContext ctx)
    {
        if (!TryHost(dr, ns, source, ctx, report: false, out var service)) return;
        if (!HostMapping.TryToModel(dr.Spec.Host, ns, ctx.Options, out _))
        {
            // An external service's host: the subsets select its endpoints.
            if (dr.Spec.Subsets is { Count: > 0 })
            {
                var known = model.ExternalSubsets.GetValueOrDefault(service);
                model.ExternalSubsets[service] = SubsetMapping.ToModel(dr.Spec.Subsets, service, known, source, ctx);
            }
            return;
        }
        // A service exists in the model when the rule gives it subsets or a policy the model carries.
        if (dr.Spec.Subsets is not { Count: > 0 } && !Carried(dr.Spec.TrafficPolicy)) return;
        var key = service.Namespace + "/" + service.Name;
        var existing = model.Services.TryGetValue(key, out var s) ? s : new MeshService { Name = service.Name, Namespace = service.Namespace };
        model.Services[key] = existing with { Subsets = SubsetMapping.ToModel(dr.Spec.Subsets, service, existing.Subsets, source, ctx) };
    }

    /// <summary>Second pass: the traffic policies of the host and of each subset, and their port-level settings, as destination policies.</summary>
    public static void PoliciesToModel(DestinationRule dr, string ns, string source, ModelBuilder model, IstioImportContext ctx)
    {
        if (!TryHost(dr, ns, source, ctx, report: true, out var service)) return;
        if (dr.Spec.Subsets is not { Count: > 0 } && !Carried(dr.Spec.TrafficPolicy) && dr.Spec.TrafficPolicy is null)
        {
            ctx.NotImportedInfo(source, "$.spec.host", "The rule sets no subset and no traffic policy for its host: there is nothing to import, and nothing is written back.");
            return;
        }
        if (dr.Spec.TrafficPolicy is { } traffic) TrafficToModel(traffic, service, null, source, "$.spec.trafficPolicy", model, ctx);
        for (var i = 0; i < (dr.Spec.Subsets?.Count ?? 0); i++)
        {
            if (dr.Spec.Subsets![i] is { TrafficPolicy: { } policy, Name: { Length: > 0 } name }) TrafficToModel(policy, service, name, source, $"$.spec.subsets[{i}].trafficPolicy", model, ctx);
        }
    }

    /// <summary>Whether a traffic policy holds anything the model carries (an empty policy does not).</summary>
    private static bool Carried(TrafficPolicy? traffic) =>
        traffic is not null && (Sections(traffic.LoadBalancer, traffic.ConnectionPool, traffic.OutlierDetection, traffic.Tls) || traffic.PortLevelSettings is { Count: > 0 });

    private static bool Sections(LoadBalancerSettings? lb, ConnectionPoolSettings? pool, Resources.OutlierDetection? od, ClientTlsSettings? tls) =>
        lb is not null || od is not null || tls is not null || ConnectionPoolMapping.Carried(pool);

    private static bool TryHost(DestinationRule dr, string ns, string source, IstioImportContext ctx, bool report, out ServiceRef service)
    {
        service = default;
        if (string.IsNullOrEmpty(dr.Spec?.Host))
        {
            if (report) ctx.Invalid(source, "$.spec.host", "A DestinationRule needs a host.");
            return false;
        }
        if (HostMapping.TryResolve(dr.Spec.Host, ns, source, ctx, out service)) return true;
        if (report) ctx.NotImported(source, "$.spec", $"'{dr.Spec.Host}' is neither a mesh service nor an external service's host (a wildcard or a cluster-local name that is no service); the rule was not imported.");
        return false;
    }

    private static void TrafficToModel(TrafficPolicy traffic, ServiceRef service, string? subset, string source, string path, ModelBuilder model, IstioImportContext ctx)
    {
        if (Sections(traffic.LoadBalancer, traffic.ConnectionPool, traffic.OutlierDetection, traffic.Tls))
        {
            PolicyToModel(new PolicyTarget { Service = service, Subset = subset }, traffic.LoadBalancer, traffic.ConnectionPool, traffic.OutlierDetection, traffic.Tls, source, path, model, ctx);
        }
        for (var k = 0; k < (traffic.PortLevelSettings?.Count ?? 0); k++)
        {
            var entry = traffic.PortLevelSettings![k];
            var at = $"{path}.portLevelSettings[{k}]";
            if (entry is null) continue;
            if (entry.Port?.Number is not { } number || number is < 1 or > 65535)
            {
                ctx.Invalid(source, $"{at}.port", "A port-level setting needs a port number from 1 to 65535; it was not imported.");
                continue;
            }
            if (!Sections(entry.LoadBalancer, entry.ConnectionPool, entry.OutlierDetection, entry.Tls)) continue;
            PolicyToModel(new PolicyTarget { Service = service, Subset = subset, Port = number }, entry.LoadBalancer, entry.ConnectionPool, entry.OutlierDetection, entry.Tls, source, at, model, ctx);
        }
    }

    private static void PolicyToModel(PolicyTarget target, LoadBalancerSettings? lb, ConnectionPoolSettings? pool, Resources.OutlierDetection? od, ClientTlsSettings? tls, string source, string path, ModelBuilder model, IstioImportContext ctx)
    {
        if (model.DestinationPolicies.Any(p => p.Target == target))
        {
            ctx.NotImported(source, path, target.Port is null
                ? "Another DestinationRule already sets the policy of this target; this one was not imported."
                : $"Another setting already gives port {target.Port} a policy; this one was not imported.");
            return;
        }
        var policy = new DestinationPolicy
        {
            Target = target,
            LoadBalancer = lb is not null ? LoadBalancerMapping.ToModel(lb, source, $"{path}.loadBalancer", ctx) : null,
            ConnectionPool = pool is not null ? ConnectionPoolMapping.ToModel(pool, source, $"{path}.connectionPool", ctx) : null,
            OutlierDetection = od is not null ? OutlierDetectionMapping.ToModel(od, source, $"{path}.outlierDetection", ctx) : null,
            Tls = tls is not null ? ClientTlsMapping.ToModel(tls, source, $"{path}.tls", ctx) : null,
        };
        // Nothing left when every part was reported (e.g. TLS with certificate files only): no policy rather than an empty one.
        if (policy is { LoadBalancer: null, ConnectionPool: null, OutlierDetection: null, Tls: null }) return;
        model.DestinationPolicies.Add(policy);
    }
}
