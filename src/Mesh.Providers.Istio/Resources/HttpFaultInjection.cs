using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>Faults injected into requests (Istio <c>HTTPFaultInjection</c>).</summary>
public sealed class HttpFaultInjection
{
    /// <summary>A delay.</summary>
    [JsonPropertyName("delay")]
    [YamlMember(Alias = "delay")]
    public FaultDelaySpec? Delay { get; set; }

    /// <summary>An abort.</summary>
    [JsonPropertyName("abort")]
    [YamlMember(Alias = "abort")]
    public FaultAbortSpec? Abort { get; set; }
}
