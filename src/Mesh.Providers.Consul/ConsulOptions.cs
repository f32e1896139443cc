using Mesh.Kubernetes;
using Mesh.Translation;

namespace Mesh.Providers.Consul;

/// <summary>Options of the Consul translator. Immutable: derive variants with <c>with</c>.</summary>
public sealed record ConsulOptions : IKubernetesProviderOptions
{
    /// <summary>The namespace of imported resources that have none in their metadata.</summary>
    /// <value>Defaults to <c>default</c>.</value>
    public string DefaultNamespace { get; set; } = "default";

    /// <summary>
    /// Which core <c>v1</c> Services translation writes. Consul routes to subsets itself (ServiceResolver subsets), so no leaf
    /// Service is needed; <see cref="ServiceOutput.All"/> writes the services' own Services.
    /// </summary>
    /// <value>Defaults to <see cref="ServiceOutput.None"/>.</value>
    public ServiceOutput ServiceOutput { get; set; } = ServiceOutput.None;

    /// <summary>Community Edition or Enterprise: only Enterprise specs carry <c>namespace</c> (and <c>partition</c>) fields.</summary>
    /// <value>Defaults to <see cref="ConsulEdition.Community"/>.</value>
    public ConsulEdition Edition { get; set; } = ConsulEdition.Community;

    /// <summary>The admin partition written on cross-references (Enterprise only).</summary>
    /// <value>Defaults to null: the entry's own partition.</value>
    public string? Partition { get; set; }

    /// <summary>The name of the <c>TerminatingGateway</c> written for external services (the gateway's Consul service name).</summary>
    /// <value>Defaults to <c>terminating-gateway</c> (the consul-k8s Helm chart's default).</value>
    public string TerminatingGatewayName { get; set; } = "terminating-gateway";

    /// <summary>
    /// The <c>gatewayClassName</c> of the Gateways written for model gateways that name no class: the GatewayClass whose
    /// controller is Consul's API gateway (<c>consul.hashicorp.com/gateway-controller</c>).
    /// </summary>
    /// <value>Defaults to <c>consul</c> (the GatewayClass the consul-k8s Helm chart installs).</value>
    public string GatewayClassName { get; set; } = "consul";

    /// <summary>
    /// Whether the model's allow-by-default is written as a <c>'*'</c> → <c>'*'</c> allow intention: Consul with ACLs denies
    /// every call no intention allows, while a model service without an allow policy accepts every caller.
    /// </summary>
    /// <value>Defaults to true.</value>
    public bool AllowByDefault { get; set; } = true;
}
