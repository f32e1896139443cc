using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>A source entry of a rule.</summary>
public sealed class RuleFrom
{
    /// <summary>The source.</summary>
    [JsonPropertyName("source")]
    [YamlMember(Alias = "source")]
    public Source? Source { get; set; }
}
