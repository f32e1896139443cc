using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>Request and response header changes.</summary>
public sealed class Headers
{
    /// <summary>Changes to the request.</summary>
    [JsonPropertyName("request")]
    [YamlMember(Alias = "request")]
    public HeaderOperations? Request { get; set; }

    /// <summary>Changes to the response.</summary>
    [JsonPropertyName("response")]
    [YamlMember(Alias = "response")]
    public HeaderOperations? Response { get; set; }
}
