using System.Text;
using k8s;

namespace Mesh.Providers.Istio.Yaml;

/// <summary>Writes resources as a <c>---</c>-separated YAML stream with KubernetesClient's serializer (what <c>kubectl apply</c> takes).</summary>
internal static class IstioYamlWriter
{
    public static string Write(IEnumerable<object> resources)
    {
        var builder = new StringBuilder();
        foreach (var resource in resources)
        {
            if (builder.Length > 0) builder.Append("---\n");
            var text = KubernetesYaml.Serialize(resource);
            builder.Append(text);
            if (text.Length > 0 && text[^1] != '\n') builder.Append('\n');
        }
        return builder.ToString();
    }
}
