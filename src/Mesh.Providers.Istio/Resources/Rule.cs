using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>An authorization rule: a request matches when it matches a source and an operation.</summary>
public sealed class Rule
{
    /// <summary>Sources, any of which matches.</summary>
    [JsonPropertyName("from")]
    [YamlMember(Alias = "from")]
    public List<RuleFrom>? From { get; set; }

    /// <summary>Operations, any of which matches.</summary>
    [JsonPropertyName("to")]
    [YamlMember(Alias = "to")]
    public List<RuleTo>? To { get; set; }

    /// <summary>Conditions, all of which must hold.</summary>
    [JsonPropertyName("when")]
    [YamlMember(Alias = "when")]
    public List<Condition>? When { get; set; }
}
