namespace Mesh.Xds;

/// <summary>The kinds of <see cref="XdsChange"/>.</summary>
public enum XdsChangeKind
{
    /// <summary>One service's endpoints.</summary>
    Endpoints,

    /// <summary>The HTTP routes of one host service.</summary>
    Routes,

    /// <summary>Any part of the model.</summary>
    Model,
}
