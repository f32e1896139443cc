namespace Mesh.Model;

/// <summary>
/// A tag added to every span: a literal value, or the value of a request header or of the proxy's environment variable
/// (with a default when it is absent). YAML: <c>{ name: team, literal: payments }</c>, <c>{ name: user, header: x-user,
/// default: anonymous }</c>, <c>{ name: zone, environment: ZONE }</c>.
/// </summary>
public sealed record TracingTag
{
    /// <summary>The tag's name.</summary>
    public required string Name { get; init; }

    /// <summary>Where the value comes from.</summary>
    public required TracingTagSource Source { get; init; }

    /// <summary>The literal value, or the header's or environment variable's name.</summary>
    public required string Value { get; init; }

    /// <summary>The value when the header or environment variable is absent (not for literals).</summary>
    public string? Default { get; init; }
}
