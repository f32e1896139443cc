using Mesh.Kubernetes;

namespace Mesh.Providers.Istio.Yaml;

/// <summary>
/// Writes Istio resources as a <c>---</c>-separated block-style YAML stream through the shared
/// <see cref="KubeYamlWriter"/> (objects of other types are handed to KubernetesClient's <c>KubernetesYaml</c>).
/// </summary>
internal static class IstioYamlWriter
{
    public static string Write(IEnumerable<object> resources) => KubeYamlWriter.Write(resources, typeof(Resources.VirtualService).Namespace!);

    /// <inheritdoc cref="KubeYamlWriter.IsPlainSafe(string)"/>
    internal static bool IsPlainSafe(string s) => KubeYamlWriter.IsPlainSafe(s);
}
