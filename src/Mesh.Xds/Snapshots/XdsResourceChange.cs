namespace Mesh.Xds;

/// <summary>A resource that an update changed, added or removed.</summary>
/// <param name="Type">The resource type.</param>
/// <param name="Name">The resource name.</param>
public readonly record struct XdsResourceChange(XdsResourceType Type, string Name);
