using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>The spec of a <see cref="NetworkAuthentication"/>.</summary>
public sealed class NetworkAuthenticationSpec
{
    /// <summary>The client networks.</summary>
    [JsonPropertyName("networks")]
    [YamlMember(Alias = "networks")]
    public List<Network>? Networks { get; set; }
}
