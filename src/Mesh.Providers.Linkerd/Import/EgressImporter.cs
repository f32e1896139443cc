using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Linkerd.Mapping;
using Mesh.Providers.Linkerd.Resources;

namespace Mesh.Providers.Linkerd.Import;

/// <summary>
/// <c>EgressNetwork</c> → external service: the networks are its addresses (a <c>/32</c> or <c>/128</c> as the single
/// address), its name is its host (an EgressNetwork has no host names), resolution static, no ports.
/// </summary>
internal static class EgressImporter
{
    public static ExternalService? Import(EgressNetwork network, string name, string ns, string source, SourceDiagnostics ctx)
    {
        if (network.Spec.TrafficPolicy != "Allow")
        {
            ctx.NotImported(source, "$.spec.trafficPolicy", $"Traffic policy '{network.Spec.TrafficPolicy}' keeps traffic to these networks that no route matches from leaving; the model's external services allow it, so the EgressNetwork is not imported.");
            return null;
        }
        var networks = network.Spec.Networks ?? [];
        if (networks.Count == 0)
        {
            ctx.NotImported(source, "$.spec", "An EgressNetwork without networks stands for every address outside the cluster, which no external service of the model means; it is not imported.");
            return null;
        }
        var addresses = new List<string>();
        for (var j = 0; j < networks.Count; j++)
        {
            if (networks[j].Except is { Count: > 0 }) ctx.NotImported(source, $"$.spec.networks[{j}].except", "Exceptions to a network are not in the model; the whole network is imported.");
            if (networks[j].Cidr is { Length: > 0 } cidr) addresses.Add(Cidrs.Address(cidr));
        }
        ctx.NotImportedInfo(source, "$.metadata.name", $"An EgressNetwork has no host names; the external service's host is its name '{name}'.");
        return new ExternalService
        {
            Name = name,
            Namespace = ns,
            Hosts = [name],
            Resolution = Resolution.Static,
            Addresses = [.. addresses],
        };
    }
}
