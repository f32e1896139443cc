using System.Globalization;

namespace Mesh.Xds;

/// <summary>One encoded xDS resource: its name, its version (a hash of its bytes) and its serialized message.</summary>
/// <param name="Name">The resource name.</param>
/// <param name="Version">The XxHash64 of <paramref name="Payload"/>.</param>
/// <param name="Payload">The serialized resource message (not wrapped in <c>Any</c>).</param>
public readonly record struct XdsResource(string Name, ulong Version, ReadOnlyMemory<byte> Payload)
{
    /// <summary>The version as sent on the wire: 16 lower-case hexadecimal digits.</summary>
    public string VersionText => Version.ToString("x16", CultureInfo.InvariantCulture);
}
