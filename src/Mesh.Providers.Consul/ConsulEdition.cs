namespace Mesh.Providers.Consul;

/// <summary>Which Consul the translation targets: the consul-k8s webhook rejects namespace and partition fields in specs on Community Edition.</summary>
public enum ConsulEdition
{
    /// <summary>Consul Community Edition: one Consul namespace (<c>default</c>); specs name no namespace or partition.</summary>
    Community,

    /// <summary>Consul Enterprise with namespace mirroring: each Kubernetes namespace is the Consul namespace of the same name.</summary>
    Enterprise,
}
