using Mesh.Model;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>The model's retry conditions and App Mesh's retry events, both ways.</summary>
internal static class RetryEvents
{
    /// <summary>HTTP retry events by condition.</summary>
    public static IReadOnlyDictionary<RetryCondition, string> Http { get; } = new Dictionary<RetryCondition, string>
    {
        [RetryCondition.ServerError] = "server-error",
        [RetryCondition.GatewayError] = "gateway-error",
        [RetryCondition.Retriable4xx] = "client-error",
        [RetryCondition.RefusedStream] = "stream-error",
    };

    /// <summary>gRPC retry events by condition (gRPC routes only).</summary>
    public static IReadOnlyDictionary<RetryCondition, string> Grpc { get; } = new Dictionary<RetryCondition, string>
    {
        [RetryCondition.Cancelled] = "cancelled",
        [RetryCondition.DeadlineExceeded] = "deadline-exceeded",
        [RetryCondition.Internal] = "internal",
        [RetryCondition.ResourceExhausted] = "resource-exhausted",
        [RetryCondition.Unavailable] = "unavailable",
    };

    /// <summary>The one TCP retry event, <c>connection-error</c>.</summary>
    public const string ConnectionError = "connection-error";

    /// <summary>The condition of an HTTP retry event, or null for an unknown one.</summary>
    public static RetryCondition? FromHttp(string? name) => Find(Http, name);

    /// <summary>The condition of a gRPC retry event, or null for an unknown one.</summary>
    public static RetryCondition? FromGrpc(string? name) => Find(Grpc, name);

    private static RetryCondition? Find(IReadOnlyDictionary<RetryCondition, string> map, string? name)
    {
        foreach (var (condition, wire) in map)
        {
            if (string.Equals(wire, name, StringComparison.Ordinal)) return condition;
        }
        return null;
    }
}
