using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>An address of an <see cref="ExternalWorkload"/>.</summary>
public sealed class ExternalWorkloadIp
{
    /// <summary>The IP address.</summary>
    [JsonPropertyName("ip")]
    [YamlMember(Alias = "ip")]
    public string? Ip { get; set; }
}
