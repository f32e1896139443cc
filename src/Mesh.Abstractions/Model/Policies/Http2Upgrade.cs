namespace Mesh.Model;

/// <summary>Whether HTTP/1.1 connections to a destination are upgraded to HTTP/2.</summary>
public enum Http2Upgrade
{
    /// <summary>Keep HTTP/1.1 (YAML <c>doNotUpgrade</c>).</summary>
    DoNotUpgrade,

    /// <summary>Upgrade to HTTP/2 (YAML <c>upgrade</c>).</summary>
    Upgrade,
}
