using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>An operation entry of a rule.</summary>
public sealed class RuleTo
{
    /// <summary>The operation.</summary>
    [JsonPropertyName("operation")]
    [YamlMember(Alias = "operation")]
    public Operation? Operation { get; set; }
}
