namespace Mesh.Model;

/// <summary>
/// A <see cref="GatewayRoute"/>'s binding to a <see cref="Gateway"/>, optionally to one of its listeners.
/// YAML: <c>{ name: public, namespace: edge, listener: https }</c>.
/// </summary>
public sealed record GatewayRef
{
    /// <summary>The gateway's name.</summary>
    public required string Name { get; init; }

    /// <summary>The gateway's namespace.</summary>
    public required string Namespace { get; init; }

    /// <summary>The listener's name; null: every HTTP and HTTPS listener of the gateway whose hosts match the route's.</summary>
    public string? Listener { get; init; }

    /// <inheritdoc/>
    public override string ToString() => Listener is null ? $"{Namespace}/{Name}" : $"{Namespace}/{Name}#{Listener}";
}
