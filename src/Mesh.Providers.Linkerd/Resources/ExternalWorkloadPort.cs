using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>A port of an <see cref="ExternalWorkload"/>.</summary>
public sealed class ExternalWorkloadPort
{
    /// <summary>The port's name, unique in the workload; a Service's <c>targetPort</c> may name it.</summary>
    [JsonPropertyName("name")]
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    /// <summary>The port number the workload listens on.</summary>
    [JsonPropertyName("port")]
    [YamlMember(Alias = "port")]
    public int? Port { get; set; }

    /// <summary>The protocol (<c>TCP</c>, the default, or <c>UDP</c>).</summary>
    [JsonPropertyName("protocol")]
    [YamlMember(Alias = "protocol")]
    public string? Protocol { get; set; }
}
