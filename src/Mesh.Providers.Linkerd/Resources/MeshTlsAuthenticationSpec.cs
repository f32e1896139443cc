using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>The spec of a <see cref="MeshTlsAuthentication"/>: <see cref="Identities"/> or <see cref="IdentityRefs"/>.</summary>
public sealed class MeshTlsAuthenticationSpec
{
    /// <summary>Mesh TLS identities, e.g. <c>web.shop.serviceaccount.identity.linkerd.cluster.local</c>, with <c>*</c> as a leading wildcard label.</summary>
    [JsonPropertyName("identities")]
    [YamlMember(Alias = "identities")]
    public List<string>? Identities { get; set; }

    /// <summary>References to <c>ServiceAccount</c>s or <c>Namespace</c>s whose identities are accepted.</summary>
    [JsonPropertyName("identityRefs")]
    [YamlMember(Alias = "identityRefs")]
    public List<PolicyReference>? IdentityRefs { get; set; }
}
