namespace Mesh.Translation;

/// <summary>
/// The name a provider is known by on the command line, in the registry and in diagnostics (<c>istio</c>, <c>linkerd</c>, …).
/// Compared case-insensitively. The named instances are the providers this SDK ships; a provider package of its own uses
/// <c>new ProviderName("name")</c>.
/// </summary>
/// <param name="Value">The name, lower case by convention.</param>
public readonly record struct ProviderName(string Value)
{
    /// <summary>Istio.</summary>
    public static ProviderName Istio { get; } = new("istio");

    /// <summary>Linkerd.</summary>
    public static ProviderName Linkerd { get; } = new("linkerd");

    /// <summary>AWS App Mesh (<c>appmesh.k8s.aws/v1beta2</c>).</summary>
    public static ProviderName AppMesh { get; } = new("appmesh");

    /// <summary>Open Service Mesh (OSM v1.2: SMI <c>split</c>, <c>specs</c> and <c>access</c> resources and <c>policy.openservicemesh.io</c>).</summary>
    public static ProviderName Osm { get; } = new("osm");
    /// <summary>HashiCorp Consul service mesh (consul-k8s <c>consul.hashicorp.com/v1alpha1</c> config entries).</summary>
    public static ProviderName Consul { get; } = new("consul");

    /// <summary>Kubernetes Gateway API mesh routing (GAMMA).</summary>
    public static ProviderName GatewayApi { get; } = new("gateway-api");

    /// <inheritdoc />
    public bool Equals(ProviderName other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value ?? string.Empty);

    /// <summary>The name.</summary>
    public override string ToString() => Value ?? string.Empty;
}
