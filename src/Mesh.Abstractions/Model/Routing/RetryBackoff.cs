namespace Mesh.Model;

/// <summary>Exponential back-off between retry attempts (Envoy's jittered back-off).</summary>
public sealed record RetryBackoff
{
    /// <summary>The first interval.</summary>
    public required TimeSpan BaseInterval { get; init; }

    /// <summary>The longest interval.</summary>
    /// <value>Null means ten times <see cref="BaseInterval"/> (Envoy's default).</value>
    public TimeSpan? MaxInterval { get; init; }
}
