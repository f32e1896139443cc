namespace Mesh.Xds.EnvoyApi;

// envoy.extensions.filters.http.fault.v3 and envoy.extensions.filters.common.fault.v3 (fault.proto).

/// <summary><c>envoy.extensions.filters.http.fault.v3.HTTPFault</c>.</summary>
internal static class HttpFaultFields
{
    public const int Delay = 1;
    public const int Abort = 2;
}

/// <summary><c>envoy.extensions.filters.common.fault.v3.FaultDelay</c>.</summary>
internal static class FaultDelayFields
{
    public const int FixedDelay = 3;
    public const int Percentage = 4;
}

/// <summary><c>envoy.extensions.filters.http.fault.v3.FaultAbort</c>.</summary>
internal static class FaultAbortFields
{
    public const int HttpStatus = 2;
    public const int Percentage = 3;
}
