using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>Callers; every list that is set must match.</summary>
public sealed class Source
{
    /// <summary>Peer identities (<c>cluster.local/ns/NS/sa/SA</c>).</summary>
    [JsonPropertyName("principals")]
    [YamlMember(Alias = "principals")]
    public List<string>? Principals { get; set; }

    /// <summary>Peer identities that must not match (<c>*</c> selects callers without an identity).</summary>
    [JsonPropertyName("notPrincipals")]
    [YamlMember(Alias = "notPrincipals")]
    public List<string>? NotPrincipals { get; set; }

    /// <summary>Caller namespaces.</summary>
    [JsonPropertyName("namespaces")]
    [YamlMember(Alias = "namespaces")]
    public List<string>? Namespaces { get; set; }

    /// <summary>Caller IP addresses or CIDR blocks.</summary>
    [JsonPropertyName("ipBlocks")]
    [YamlMember(Alias = "ipBlocks")]
    public List<string>? IpBlocks { get; set; }
}
