using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>The spec of an <c>AuthorizationPolicy</c>.</summary>
public sealed class AuthorizationPolicySpec
{
    /// <summary>The workloads protected; absent for the whole namespace.</summary>
    [JsonPropertyName("selector")]
    [YamlMember(Alias = "selector")]
    public WorkloadSelector? Selector { get; set; }

    /// <summary><c>ALLOW</c> (default), <c>DENY</c>, <c>AUDIT</c> or <c>CUSTOM</c>.</summary>
    [JsonPropertyName("action")]
    [YamlMember(Alias = "action")]
    public string? Action { get; set; }

    /// <summary>The rules; a request matches when it matches any.</summary>
    [JsonPropertyName("rules")]
    [YamlMember(Alias = "rules")]
    public List<Rule>? Rules { get; set; }
}
