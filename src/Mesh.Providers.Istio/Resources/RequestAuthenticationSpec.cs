using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>The spec of a <c>RequestAuthentication</c>.</summary>
public sealed class RequestAuthenticationSpec
{
    /// <summary>The workloads that verify tokens; absent for the whole namespace.</summary>
    [JsonPropertyName("selector")]
    [YamlMember(Alias = "selector")]
    public WorkloadSelector? Selector { get; set; }

    /// <summary>A Gateway API resource the policy attaches to (read and reported, not written).</summary>
    [JsonPropertyName("targetRef")]
    [YamlMember(Alias = "targetRef")]
    public PolicyTargetReference? TargetRef { get; set; }

    /// <summary>Gateway API resources the policy attaches to (read and reported, not written).</summary>
    [JsonPropertyName("targetRefs")]
    [YamlMember(Alias = "targetRefs")]
    public List<PolicyTargetReference>? TargetRefs { get; set; }

    /// <summary>The issuers whose tokens are verified.</summary>
    [JsonPropertyName("jwtRules")]
    [YamlMember(Alias = "jwtRules")]
    public List<JwtRule>? JwtRules { get; set; }
}
