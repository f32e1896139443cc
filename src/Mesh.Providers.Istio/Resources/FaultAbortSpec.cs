using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>An error answered to a share of requests.</summary>
public sealed class FaultAbortSpec
{
    /// <summary>The HTTP status answered.</summary>
    [JsonPropertyName("httpStatus")]
    [YamlMember(Alias = "httpStatus")]
    public int? HttpStatus { get; set; }

    /// <summary>The share aborted.</summary>
    [JsonPropertyName("percentage")]
    [YamlMember(Alias = "percentage")]
    public Percent? Percentage { get; set; }
}
