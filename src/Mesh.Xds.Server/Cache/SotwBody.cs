namespace Mesh.Xds.Server.Cache;

/// <summary>
/// A state-of-the-world <c>DiscoveryResponse</c> without its nonce: <c>version_info</c>, the resources and
/// <c>type_url</c>, encoded once and shared by every stream that asks for the same resources of the same snapshot.
/// </summary>
/// <param name="Version">The <c>version_info</c>: a content hash, the same on every replica.</param>
/// <param name="Bytes">The encoded fields.</param>
internal sealed record SotwBody(string Version, ReadOnlyMemory<byte> Bytes);
