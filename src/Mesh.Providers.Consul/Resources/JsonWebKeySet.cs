using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>A provider's key set: exactly one of <see cref="Local"/> and <see cref="Remote"/>.</summary>
public sealed class JsonWebKeySet
{
    /// <summary>A key set inline or in a file.</summary>
    [JsonPropertyName("local")]
    [YamlMember(Alias = "local")]
    public LocalJwks? Local { get; set; }

    /// <summary>A key set fetched from a URI.</summary>
    [JsonPropertyName("remote")]
    [YamlMember(Alias = "remote")]
    public RemoteJwks? Remote { get; set; }
}
