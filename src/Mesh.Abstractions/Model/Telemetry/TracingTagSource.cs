namespace Mesh.Model;

/// <summary>Where a span tag's value comes from.</summary>
public enum TracingTagSource
{
    /// <summary>A fixed value.</summary>
    Literal,

    /// <summary>A request header.</summary>
    Header,

    /// <summary>An environment variable of the proxy.</summary>
    Environment,
}
