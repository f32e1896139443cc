using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>Requests; every list that is set must match.</summary>
public sealed class Operation
{
    /// <summary>Destination ports.</summary>
    [JsonPropertyName("ports")]
    [YamlMember(Alias = "ports")]
    public List<string>? Ports { get; set; }

    /// <summary>HTTP methods.</summary>
    [JsonPropertyName("methods")]
    [YamlMember(Alias = "methods")]
    public List<string>? Methods { get; set; }

    /// <summary>Paths (exact, <c>prefix*</c> or <c>*suffix</c>).</summary>
    [JsonPropertyName("paths")]
    [YamlMember(Alias = "paths")]
    public List<string>? Paths { get; set; }

    /// <summary>Request hosts (exact, <c>prefix*</c> or <c>*suffix</c>).</summary>
    [JsonPropertyName("hosts")]
    [YamlMember(Alias = "hosts")]
    public List<string>? Hosts { get; set; }

    /// <summary>Request hosts that must not match.</summary>
    [JsonPropertyName("notHosts")]
    [YamlMember(Alias = "notHosts")]
    public List<string>? NotHosts { get; set; }

    /// <summary>Destination ports that must not match.</summary>
    [JsonPropertyName("notPorts")]
    [YamlMember(Alias = "notPorts")]
    public List<string>? NotPorts { get; set; }

    /// <summary>HTTP methods that must not match.</summary>
    [JsonPropertyName("notMethods")]
    [YamlMember(Alias = "notMethods")]
    public List<string>? NotMethods { get; set; }

    /// <summary>Paths that must not match.</summary>
    [JsonPropertyName("notPaths")]
    [YamlMember(Alias = "notPaths")]
    public List<string>? NotPaths { get; set; }
}
