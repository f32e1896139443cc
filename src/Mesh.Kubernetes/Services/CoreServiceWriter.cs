using Mesh.Translation;
using Mesh.Collections;
using Mesh.Model;

namespace Mesh.Kubernetes;

/// <summary>
/// Model → core <c>v1</c> Services: a model service as its Service (selector, ports with name, number, target port and
/// <c>appProtocol</c>) and a leaf Service as the Service of one subset (selector ∪ subset labels, the parent's ports,
/// labelled and annotated with <see cref="LeafServiceLabels"/>). Defaults the API server fills in itself are not written
/// (<c>protocol: TCP</c>, a <c>targetPort</c> equal to the port), so the output holds only what the model says.
/// </summary>
public static class CoreServiceWriter
{
    /// <summary>The Services a translation writes for <paramref name="output"/>: with <see cref="ServiceOutput.All"/> one per model service, then the leaf Services of <paramref name="plan"/>.</summary>
    /// <param name="config">The model.</param>
    /// <param name="plan">The leaf Services.</param>
    /// <param name="output">What to write.</param>
    /// <param name="appProtocol">The <c>appProtocol</c> of a port's protocol (a null result writes none), or null for <see cref="AppProtocols.Of"/>.</param>
    /// <returns>The Services, in a deterministic order.</returns>
    public static IReadOnlyList<CoreService> Write(MeshConfig config, LeafServicePlan plan, ServiceOutput output, Func<Protocol, string?>? appProtocol = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(plan);
        if (output == ServiceOutput.None) return [];
        var services = new List<CoreService>();
        if (output == ServiceOutput.All)
        {
            foreach (var service in config.Services.OrderBy(s => s.Namespace, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal)) services.Add(Service(service, appProtocol));
        }
        // The leaves of one parent are consecutive: its selector annotation is formatted once for all of them.
        MeshService? parent = null;
        var selector = string.Empty;
        foreach (var leaf in plan.Leaves)
        {
            if (!ReferenceEquals(parent, leaf.Parent)) (parent, selector) = (leaf.Parent, LeafServiceLabels.FormatSelector(leaf.Parent.EffectiveSelector));
            services.Add(Leaf(leaf, selector, appProtocol ?? AppProtocols.Of));
        }
        return services;
    }

    /// <summary>The Service of a model service.</summary>
    /// <param name="service">The service.</param>
    /// <param name="appProtocol">The <c>appProtocol</c> of a port's protocol (a null result writes none), or null for <see cref="AppProtocols.Of"/>.</param>
    /// <returns>The Service.</returns>
    public static CoreService Service(MeshService service, Func<Protocol, string?>? appProtocol = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        return Ownership.From(Create(service.Name, service.Namespace, service.EffectiveSelector, service.Ports, labels: null, annotations: null, appProtocol ?? AppProtocols.Of), ModelObjectNames.Of(service));
    }

    /// <summary>The leaf Service of one subset.</summary>
    /// <param name="leaf">The leaf.</param>
    /// <param name="appProtocol">The <c>appProtocol</c> of a port's protocol (a null result writes none), or null for <see cref="AppProtocols.Of"/>.</param>
    /// <returns>The Service.</returns>
    public static CoreService Leaf(LeafService leaf, Func<Protocol, string?>? appProtocol = null)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        return Leaf(leaf, LeafServiceLabels.FormatSelector(leaf.Parent.EffectiveSelector), appProtocol ?? AppProtocols.Of);
    }

    private static CoreService Leaf(LeafService leaf, string parentSelector, Func<Protocol, string?> appProtocol)
    {
        var parent = leaf.Parent;
        return Create(
            leaf.Name,
            parent.Namespace,
            parent.WorkloadLabels(leaf.Subset.Name) ?? parent.EffectiveSelector,
            parent.Ports,
            labels: new Dictionary<string, string>(StringComparer.Ordinal) { [LeafServiceLabels.Parent] = parent.Name, [LeafServiceLabels.Subset] = leaf.Subset.Name },
            annotations: new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [LeafServiceLabels.SubsetOf] = $"{parent.Name}/{leaf.Subset.Name}",
                [LeafServiceLabels.ParentSelector] = parentSelector,
                [Ownership.SourceAnnotation] = ModelObjectNames.Of(parent),
            },
            appProtocol);
    }

    private static CoreService Create(string name, string ns, IEnumerable<KeyValuePair<string, string>> selector, EquatableArray<ServicePort> ports, Dictionary<string, string>? labels, Dictionary<string, string>? annotations, Func<Protocol, string?> appProtocol)
    {
        var selectorMap = new Dictionary<string, string>(selector.TryGetNonEnumeratedCount(out var count) ? count : 0, StringComparer.Ordinal);
        foreach (var (key, value) in selector) selectorMap[key] = value;
        var written = new List<CoreServicePort?>(ports.Count);
        foreach (var port in ports) written.Add(Port(port, appProtocol));
        // A stable insertion sort by number: a Service has few ports.
        for (var i = 1; i < written.Count; i++)
        {
            var port = written[i]!;
            var j = i - 1;
            for (; j >= 0 && written[j]!.Port > port.Port; j--) written[j + 1] = written[j];
            written[j + 1] = port;
        }
        return new()
        {
            Metadata = new k8s.Models.V1ObjectMeta { Name = name, NamespaceProperty = ns, Labels = labels, Annotations = annotations },
            Spec = new CoreServiceSpec { Selector = selectorMap, Ports = written },
        };
    }

    private static CoreServicePort? Port(ServicePort port, Func<Protocol, string?> appProtocol) => new()
    {
        Name = port.EffectiveName,
        Port = port.Port,
        // Kubernetes defaults targetPort to the port and protocol to TCP (the model's ports are all TCP).
        TargetPort = port.EffectiveTargetPort switch
        {
            { Name: { } named } => named,
            { Number: var number } when number != port.Port => number,
            _ => null,
        },
        AppProtocol = appProtocol(port.Protocol),
    };
}
