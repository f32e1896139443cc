using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Osm.Resources;

/// <summary>The spec of a <see cref="Retry"/>.</summary>
public sealed class RetrySpec
{
    /// <summary>The calling service account (required).</summary>
    [JsonPropertyName("source")]
    [YamlMember(Alias = "source")]
    public KindReference? Source { get; set; }

    /// <summary>The Services called (required).</summary>
    [JsonPropertyName("destinations")]
    [YamlMember(Alias = "destinations")]
    public List<KindReference>? Destinations { get; set; }

    /// <summary>The retry policy (required).</summary>
    [JsonPropertyName("retryPolicy")]
    [YamlMember(Alias = "retryPolicy")]
    public RetryPolicySpec? RetryPolicy { get; set; }
}
