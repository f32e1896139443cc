using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>The spec of an <see cref="AuthorizationPolicy"/>.</summary>
public sealed class AuthorizationPolicySpec
{
    /// <summary>What the policy applies to: a <c>Server</c>, an <c>HTTPRoute</c>, a <c>GRPCRoute</c> or a <c>Namespace</c>.</summary>
    [JsonPropertyName("targetRef")]
    [YamlMember(Alias = "targetRef")]
    public PolicyReference? TargetRef { get; set; }

    /// <summary>The authentications a client must pass, all of them: <c>MeshTLSAuthentication</c>, <c>NetworkAuthentication</c> or <c>ServiceAccount</c>.</summary>
    [JsonPropertyName("requiredAuthenticationRefs")]
    [YamlMember(Alias = "requiredAuthenticationRefs")]
    public List<PolicyReference>? RequiredAuthenticationRefs { get; set; }
}
