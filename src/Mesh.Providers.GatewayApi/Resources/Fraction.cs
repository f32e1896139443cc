using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>A fraction, numerator over denominator.</summary>
public sealed class Fraction
{
    /// <summary>The numerator.</summary>
    [JsonPropertyName("numerator")]
    [YamlMember(Alias = "numerator")]
    public int? Numerator { get; set; }

    /// <summary>The denominator; 100 when absent.</summary>
    [JsonPropertyName("denominator")]
    [YamlMember(Alias = "denominator")]
    public int? Denominator { get; set; }
}
