using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>One exposed path.</summary>
public sealed class ExposePath
{
    /// <summary>The port the proxy listens on.</summary>
    [JsonPropertyName("listenerPort")]
    [YamlMember(Alias = "listenerPort")]
    public int? ListenerPort { get; set; }

    /// <summary>The HTTP path.</summary>
    [JsonPropertyName("path")]
    [YamlMember(Alias = "path")]
    public string? Path { get; set; }

    /// <summary>The application's port.</summary>
    [JsonPropertyName("localPathPort")]
    [YamlMember(Alias = "localPathPort")]
    public int? LocalPathPort { get; set; }

    /// <summary><c>http</c> or <c>http2</c>.</summary>
    [JsonPropertyName("protocol")]
    [YamlMember(Alias = "protocol")]
    public string? Protocol { get; set; }
}
