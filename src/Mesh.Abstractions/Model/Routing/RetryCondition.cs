namespace Mesh.Model;

/// <summary>
/// A condition that makes a request retriable. The YAML names are Envoy's <c>retry_on</c> names:
/// <c>5xx</c>, <c>gateway-error</c>, <c>reset</c>, <c>connect-failure</c>, <c>refused-stream</c>,
/// <c>retriable-4xx</c>, <c>retriable-status-codes</c>, and the gRPC <c>cancelled</c>, <c>deadline-exceeded</c>,
/// <c>internal</c>, <c>resource-exhausted</c>, <c>unavailable</c>.
/// </summary>
public enum RetryCondition
{
    /// <summary><c>5xx</c>: any 5xx response, or no response at all.</summary>
    ServerError,

    /// <summary><c>gateway-error</c>: 502, 503 or 504.</summary>
    GatewayError,

    /// <summary><c>reset</c>: the upstream reset the stream or connection.</summary>
    Reset,

    /// <summary><c>connect-failure</c>: the connection could not be made.</summary>
    ConnectFailure,

    /// <summary><c>refused-stream</c>: the upstream refused the HTTP/2 stream.</summary>
    RefusedStream,

    /// <summary><c>retriable-4xx</c>: 409.</summary>
    Retriable4xx,

    /// <summary><c>retriable-status-codes</c>: any code in <see cref="RetryPolicy.StatusCodes"/>.</summary>
    RetriableStatusCodes,

    /// <summary><c>cancelled</c>: gRPC status CANCELLED.</summary>
    Cancelled,

    /// <summary><c>deadline-exceeded</c>: gRPC status DEADLINE_EXCEEDED.</summary>
    DeadlineExceeded,

    /// <summary><c>internal</c>: gRPC status INTERNAL.</summary>
    Internal,

    /// <summary><c>resource-exhausted</c>: gRPC status RESOURCE_EXHAUSTED.</summary>
    ResourceExhausted,

    /// <summary><c>unavailable</c>: gRPC status UNAVAILABLE.</summary>
    Unavailable,
}
