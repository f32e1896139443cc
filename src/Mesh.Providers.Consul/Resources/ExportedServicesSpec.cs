using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>The spec of <c>ExportedServices</c>.</summary>
public sealed class ExportedServicesSpec
{
    /// <summary>The exported services.</summary>
    [JsonPropertyName("services")]
    [YamlMember(Alias = "services")]
    public List<ExportedService>? Services { get; set; }
}
