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

    /// <summary>End-user identities of a verified JWT (<c>ISSUER/SUBJECT</c>).</summary>
    [JsonPropertyName("requestPrincipals")]
    [YamlMember(Alias = "requestPrincipals")]
    public List<string>? RequestPrincipals { get; set; }

    /// <summary>End-user identities that must not match.</summary>
    [JsonPropertyName("notRequestPrincipals")]
    [YamlMember(Alias = "notRequestPrincipals")]
    public List<string>? NotRequestPrincipals { get; set; }

    /// <summary>Caller namespaces that must not match.</summary>
    [JsonPropertyName("notNamespaces")]
    [YamlMember(Alias = "notNamespaces")]
    public List<string>? NotNamespaces { get; set; }

    /// <summary>Caller IP addresses or CIDR blocks that must not match.</summary>
    [JsonPropertyName("notIpBlocks")]
    [YamlMember(Alias = "notIpBlocks")]
    public List<string>? NotIpBlocks { get; set; }

    /// <summary>The original client's IP addresses or CIDR blocks (<c>X-Forwarded-For</c>).</summary>
    [JsonPropertyName("remoteIpBlocks")]
    [YamlMember(Alias = "remoteIpBlocks")]
    public List<string>? RemoteIpBlocks { get; set; }

    /// <summary>Original client IP addresses or CIDR blocks that must not match.</summary>
    [JsonPropertyName("notRemoteIpBlocks")]
    [YamlMember(Alias = "notRemoteIpBlocks")]
    public List<string>? NotRemoteIpBlocks { get; set; }
}
