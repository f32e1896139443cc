using Mesh.Diagnostics;

namespace Mesh.Xds;

/// <summary>
/// The diagnostic codes of the xDS encoder and of the values in its endpoints file (<c>MESH40xx</c>). Reading problems of
/// the endpoints file (syntax, wrong type, unknown or missing key, exceeded limit) carry the shared <c>MESH10xx</c> codes
/// of <see cref="DiagnosticCodes"/>, as in mesh models; problems of the model itself are <c>MeshValidator</c>'s
/// (<c>MESH20xx</c>), which <see cref="XdsEncoder.Compile"/> runs first.
/// </summary>
public static class XdsDiagnosticCodes
{
    /// <summary>Endpoints name a service, or a service port, that the model does not have.</summary>
    public static readonly DiagnosticCode UnknownService = new("MESH4005");

    /// <summary>A port of the endpoints (an entry's or an address's) is outside 1–65535.</summary>
    public static readonly DiagnosticCode PortOutOfRange = new("MESH4006");

    /// <summary>An endpoint address is not an IP literal.</summary>
    public static readonly DiagnosticCode InvalidAddress = new("MESH4007");

    /// <summary>A value of the endpoints Envoy would reject: an address's weight below 1 or an undefined health value.</summary>
    public static readonly DiagnosticCode InvalidValue = new("MESH4008");

    /// <summary>
    /// A regular expression that <see cref="XdsEncoderOptions.RegexCheck"/>, the caller's check for the xDS client's
    /// engine, rejects (the model's RE2 rules are the validator's, <c>MESH2013</c>/<c>MESH2014</c>).
    /// </summary>
    public static readonly DiagnosticCode RegexRejected = new("MESH4010");

    /// <summary>
    /// A route backend or mirror that the encoder cannot resolve to a cluster: it names an external service that has no
    /// cluster for this client (a proxyless gRPC client, which takes EDS clusters only, or only wildcard hosts that DNS
    /// cannot resolve), or no port where the service has none or several and none is the route host's port.
    /// </summary>
    public static readonly DiagnosticCode UnknownReference = new("MESH4011");

    /// <summary>A model feature that the xDS encoder does not emit; it is reported, not dropped silently.</summary>
    public static readonly DiagnosticCode NotEncoded = new("MESH4012");

    /// <summary>A feature a proxyless gRPC client cannot use was replaced by the nearest one it can.</summary>
    public static readonly DiagnosticCode ProxylessApproximated = new("MESH4013");

    /// <summary>The proxy description is invalid: an empty node id, or a gateway proxy without a gateway, or with one the model does not have.</summary>
    public static readonly DiagnosticCode InvalidProxy = new("MESH4014");

    /// <summary>The same endpoint address and port is listed twice for one service port.</summary>
    public static readonly DiagnosticCode DuplicateEndpoint = new("MESH4015");
}
