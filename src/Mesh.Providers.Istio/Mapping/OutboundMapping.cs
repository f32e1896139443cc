using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Istio.Resources;
using Mesh.Providers.Istio.Translation;

namespace Mesh.Providers.Istio.Mapping;

/// <summary>
/// Outbound policies ↔ <c>Sidecar</c>s without a workload selector, named <c>default</c>: the mesh-wide policy in the root
/// namespace, a namespace's in that namespace (Istio applies the root namespace's to every namespace without one of its own,
/// as the model does). The hosts are one egress listener without a port; registry only is <c>outboundTrafficPolicy.mode:
/// REGISTRY_ONLY</c>. Allowing any host writes no mode: a Sidecar without one takes the installation's
/// <c>meshConfig.outboundTrafficPolicy</c> (not the root Sidecar's), <c>ALLOW_ANY</c> unless the installation changed it.
/// </summary>
internal static class OutboundMapping
{
    public const string Name = "default";

    public static IEnumerable<Sidecar> ToIstio(MeshConfig config, IstioExportContext ctx)
    {
        var root = ctx.Options.RootNamespace;
        var meshWide = config.Outbound.Any(p => p.Namespace is null);
        for (var i = 0; i < config.Outbound.Count; i++)
        {
            var policy = config.Outbound[i];
            var path = $"$.spec.outbound[{i}]";
            if (policy.Namespace == root)
            {
                if (meshWide)
                {
                    ctx.Unsupported($"{path}.namespace", $"The Sidecar of Istio's root namespace '{root}' is the mesh-wide one, which the model's mesh-wide policy takes; this namespace's own policy is not written.");
                    continue;
                }
                ctx.Approximated($"{path}.namespace", $"A Sidecar without a selector in Istio's root namespace '{root}' applies to every namespace without one of its own, not only to '{root}'.");
            }
            yield return Ownership.From(new Sidecar
            {
                Metadata = { Name = Name, NamespaceProperty = policy.Namespace ?? root },
                Spec =
                {
                    Egress = policy.Hosts.IsEmpty ? null : [new IstioEgressListener { Hosts = [.. policy.Hosts] }],
                    OutboundTrafficPolicy = policy.Mode == OutboundMode.RegistryOnly ? new OutboundTrafficPolicy { Mode = "REGISTRY_ONLY" } : null,
                },
            }, ModelObjectNames.Of(policy));
        }
    }

    /// <summary>Istio → model: a Sidecar without a selector (one per namespace; a later one is reported).</summary>
    public static void ToModel(Sidecar sidecar, string ns, string source, ModelBuilder model, IstioImportContext ctx)
    {
        var spec = sidecar.Spec;
        if (spec?.WorkloadSelector is { Labels.Count: > 0 })
        {
            ctx.NotImported(source, "$.spec", "A Sidecar for the workloads a selector chooses: the model's outbound policies are per namespace (or mesh-wide), so it was not imported.");
            return;
        }
        if (spec?.WorkloadSelector is not null) ctx.NotImportedInfo(source, "$.spec.workloadSelector", "An empty selector selects every workload of the namespace.");
        var scope = ns == ctx.Options.RootNamespace ? null : ns;
        if (model.Outbound.Any(p => p.Namespace == scope))
        {
            ctx.NotImported(source, "$.spec", $"A second Sidecar without a selector for {(scope is null ? "the mesh (root namespace)" : $"namespace '{ns}'")}: Istio applies one, and which is undefined; the first read was kept.");
            return;
        }
        var mode = OutboundMode.AllowAny;
        switch (spec?.OutboundTrafficPolicy?.Mode)
        {
            case "REGISTRY_ONLY":
                mode = OutboundMode.RegistryOnly;
                break;
            case "ALLOW_ANY":
                break;
            case null:
                ctx.NotImportedInfo(source, "$.spec.outboundTrafficPolicy", "Without outboundTrafficPolicy the Sidecar takes the installation's meshConfig.outboundTrafficPolicy, ALLOW_ANY unless it was changed; read as allowAny.");
                break;
            case var other:
                ctx.Invalid(source, "$.spec.outboundTrafficPolicy.mode", $"Unknown outbound traffic mode '{other}' (Istio takes REGISTRY_ONLY or ALLOW_ANY).");
                return;
        }
        var hosts = new List<string>();
        var listeners = spec?.Egress ?? [];
        var portless = listeners.Any(l => l is { Port: null });
        for (var i = 0; i < listeners.Count; i++)
        {
            if (listeners[i] is not { } listener) continue;
            var path = $"$.spec.egress[{i}]";
            if (listener.Bind is not null) ctx.NotImported(source, $"{path}.bind", "The address an egress listener binds to is not in the model.");
            if (listener.CaptureMode is not null) ctx.NotImported(source, $"{path}.captureMode", "How traffic reaches an egress listener is not in the model.");
            if (listener.Port is not null)
            {
                if (portless)
                {
                    ctx.NotImported(source, $"{path}.port", "An egress listener for one port: the model's outbound hosts apply to every port; the hosts of the listener without a port were imported.");
                    continue;
                }
                ctx.NotImported(source, $"{path}.port", "An egress listener for one port: the model's outbound hosts apply to every port; its hosts were imported for all.");
            }
            for (var h = 0; h < (listener.Hosts?.Count ?? 0); h++)
            {
                var host = listener.Hosts![h];
                if (!IsEntry(host))
                {
                    ctx.Invalid(source, $"{path}.hosts[{h}]", $"'{host}' is not namespace/dnsName (Istio takes '*/', './', '~/' or a namespace before the host).");
                    continue;
                }
                if (host!.StartsWith("~/", StringComparison.Ordinal))
                {
                    ctx.NotImported(source, $"{path}.hosts[{h}]", "'~/' hosts (none of a namespace's) are not in the model.");
                    continue;
                }
                hosts.Add(host);
            }
            if (listener.Hosts is null or { Count: 0 }) ctx.Invalid(source, $"{path}.hosts", "An egress listener needs hosts.");
        }
        if (listeners.Count > 0 && hosts.Count == 0)
        {
            ctx.NotImported(source, "$.spec.egress", "No host of the egress listeners could be imported; the Sidecar was not imported (without hosts the model's policy would make every host visible).");
            return;
        }
        model.Outbound.Add(new OutboundPolicy { Namespace = scope, Mode = mode, Hosts = [.. hosts] });
    }

    /// <summary>The model's host entry rule (<see cref="OutboundPolicy.IsHostEntry"/>), plus Istio's <c>~/</c> (no host of the namespace).</summary>
    private static bool IsEntry(string? host) =>
        host is not null && OutboundPolicy.IsHostEntry(host.StartsWith("~/", StringComparison.Ordinal) ? "." + host[1..] : host);
}
