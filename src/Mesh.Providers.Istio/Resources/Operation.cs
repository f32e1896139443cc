using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>Requests; every list that is set must match.</summary>
public sealed class Operation
{
    /// <summary>Destination ports.</summary>
    [JsonPropertyName("ports")]
    [YamlMember(Alias = "ports")]
    public List<string>? Ports { get; set; }

    /// <summary>HTTP methods.</summary>
    [JsonPropertyName("methods")]
    [YamlMember(Alias = "methods")]
    public List<string>? Methods { get; set; }

    /// <summary>Paths (exact, <c>prefix*</c> or <c>*suffix</c>).</summary>
    [JsonPropertyName("paths")]
    [YamlMember(Alias = "paths")]
    public List<string>? Paths { get; set; }
}
