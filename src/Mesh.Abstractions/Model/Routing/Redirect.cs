namespace Mesh.Model;

/// <summary>An HTTP redirect answered instead of forwarding. Unset parts keep the request's value.</summary>
public sealed record Redirect
{
    /// <summary>The scheme of the new location (<c>http</c> or <c>https</c>).</summary>
    public string? Scheme { get; init; }

    /// <summary>The host of the new location.</summary>
    public string? Host { get; init; }

    /// <summary>The port of the new location.</summary>
    public int? Port { get; init; }

    /// <summary>The full path of the new location.</summary>
    public string? Path { get; init; }

    /// <summary>Replaces the matched path prefix in the new location.</summary>
    public string? PathPrefix { get; init; }

    /// <summary>The redirect status code: 301, 302, 303, 307 or 308.</summary>
    /// <value>Defaults to 301.</value>
    public int StatusCode { get; init; } = 301;
}
