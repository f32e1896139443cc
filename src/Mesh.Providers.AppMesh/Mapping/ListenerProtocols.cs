using Mesh.Model;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>The four listener protocols of App Mesh (<c>portMapping.protocol</c>) and the model's protocols written as them (TLS passes through as tcp).</summary>
internal static class ListenerProtocols
{
    public const string Http = "http";
    public const string Http2 = "http2";
    public const string Grpc = "grpc";
    public const string Tcp = "tcp";

    public static string Of(Protocol protocol) => protocol switch
    {
        Protocol.Http => Http,
        Protocol.Http2 => Http2,
        Protocol.Grpc => Grpc,
        _ => Tcp,
    };

    /// <summary>Whether HTTP routes (httpRoute, http2Route, grpcRoute) can be written on a listener of <paramref name="protocol"/>.</summary>
    public static bool IsHttpFamily(string protocol) => protocol != Tcp;
}
