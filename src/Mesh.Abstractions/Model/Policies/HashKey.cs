namespace Mesh.Model;

/// <summary>The request property a consistent hash is computed from.</summary>
public enum HashKey
{
    /// <summary>A request header (YAML <c>header: name</c>).</summary>
    Header,

    /// <summary>A cookie (YAML <c>cookie: name</c>).</summary>
    Cookie,

    /// <summary>The client's IP address (YAML <c>sourceIp: true</c>).</summary>
    SourceIp,

    /// <summary>A query parameter (YAML <c>queryParameter: name</c>).</summary>
    QueryParameter,
}
