using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>A static endpoint of a <c>ServiceEntry</c>.</summary>
public sealed class WorkloadEntry
{
    /// <summary>The IP address or host name.</summary>
    [JsonPropertyName("address")]
    [YamlMember(Alias = "address")]
    public string? Address { get; set; }
}
