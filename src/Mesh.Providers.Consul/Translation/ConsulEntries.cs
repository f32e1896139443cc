using k8s;
using k8s.Models;
using Mesh.Model;

namespace Mesh.Providers.Consul.Translation;

/// <summary>Creation and naming of config entries: a service's entries are named after its Consul service, in its Kubernetes namespace.</summary>
internal static class ConsulEntries
{
    /// <summary>The annotation on a <c>ServiceRouter</c> naming, for each Consul route in order, the model rule it comes from: <c>route/rule</c> comma-separated.</summary>
    public const string RouteSources = "mesh-sdk.io/route-sources";

    /// <summary>The annotation on an entry of a service the model does not declare (a splitter's virtual service): the model service and route rule it serves.</summary>
    public const string SplitOf = "mesh-sdk.io/split-of";

    /// <summary>The annotation on the intention the export adds to keep the model's allow-by-default (import skips it).</summary>
    public const string DefaultAllow = "mesh-sdk.io/default-allow";

    /// <summary>The annotation on a <c>ServiceResolver</c> subset filter's source labels: <c>subset=k=v,k=v;…</c> (the filter is an expression, the labels are exact).</summary>
    public const string SubsetLabels = "mesh-sdk.io/subset-labels";

    /// <summary>The annotation on a <c>JWTProvider</c> naming the request authentication it comes from, in the entry's namespace: <c>name</c>, or <c>name/service</c> for one targeting a service.</summary>
    public const string RequestAuthentication = "mesh-sdk.io/request-authentication";

    public static T Create<T>(ServiceRef service)
        where T : IKubernetesObject<V1ObjectMeta>, new() => Create<T>(service.Name, service.Namespace);

    public static T Create<T>(string name, string? ns)
        where T : IKubernetesObject<V1ObjectMeta>, new()
    {
        var entry = new T();
        entry.Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns };
        return entry;
    }

    public static void Annotate(IKubernetesObject<V1ObjectMeta> entry, string key, string value)
    {
        entry.Metadata.Annotations ??= new Dictionary<string, string>(StringComparer.Ordinal);
        entry.Metadata.Annotations[key] = value;
    }
}
