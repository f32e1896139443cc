using Mesh.Diagnostics;

namespace Mesh.Xds;

/// <summary>
/// The diagnostic codes of the xDS encoder and of the values in its endpoints file (<c>MESH40xx</c>). Reading problems of
/// the endpoints file (syntax, wrong type, unknown or missing key, exceeded limit) carry the shared <c>MESH10xx</c> codes
/// of <see cref="DiagnosticCodes"/>, as in mesh models.
/// </summary>
public static class XdsDiagnosticCodes
{
    /// <summary>Endpoints name a service, or a service port, that the model does not have.</summary>
    public static readonly DiagnosticCode UnknownService = new("MESH4005");

    /// <summary>A port is outside 1–65535.</summary>
    public static readonly DiagnosticCode PortOutOfRange = new("MESH4006");

    /// <summary>An endpoint address is not an IP literal.</summary>
    public static readonly DiagnosticCode InvalidAddress = new("MESH4007");

    /// <summary>A value Envoy would reject: a weight, health, status, duration or percentage out of its range.</summary>
    public static readonly DiagnosticCode InvalidValue = new("MESH4008");

    /// <summary>Two resources of one type would have the same name.</summary>
    public static readonly DiagnosticCode DuplicateResource = new("MESH4009");

    /// <summary>A regular expression uses what RE2 (Envoy's and gRPC's engine) cannot run.</summary>
    public static readonly DiagnosticCode RegexRejected = new("MESH4010");

    /// <summary>A route backend, mirror or policy names a service, port or subset that does not exist.</summary>
    public static readonly DiagnosticCode UnknownReference = new("MESH4011");

    /// <summary>A model feature that the xDS encoder does not emit; it is reported, not dropped silently.</summary>
    public static readonly DiagnosticCode NotEncoded = new("MESH4012");

    /// <summary>A feature a proxyless gRPC client cannot use was replaced by the nearest one it can.</summary>
    public static readonly DiagnosticCode ProxylessApproximated = new("MESH4013");

    /// <summary>The proxy description is invalid (empty node id, sidecar without namespace).</summary>
    public static readonly DiagnosticCode InvalidProxy = new("MESH4014");

    /// <summary>The same endpoint address and port is listed twice for one service port.</summary>
    public static readonly DiagnosticCode DuplicateEndpoint = new("MESH4015");
}
