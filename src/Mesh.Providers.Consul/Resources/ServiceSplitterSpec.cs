using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>The spec of a <c>ServiceSplitter</c>.</summary>
public sealed class ServiceSplitterSpec
{
    /// <summary>The splits; weights sum to exactly 100.</summary>
    [JsonPropertyName("splits")]
    [YamlMember(Alias = "splits")]
    public List<ServiceSplit>? Splits { get; set; }
}
