namespace Mesh.Providers.Conformance.Schema;

/// <summary>The value of Kubernetes' <c>url()</c>.</summary>
/// <param name="Scheme">The scheme, lower-cased.</param>
/// <param name="Host">The host and port.</param>
public sealed record KubernetesUrl(string Scheme, string Host);
