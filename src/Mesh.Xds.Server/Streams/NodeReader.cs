using Google.Protobuf.WellKnownTypes;
using Mesh.Collections;
using Mesh.Xds.Server.Protocol;

namespace Mesh.Xds.Server.Streams;

/// <summary>Turns the protocol's <c>Node</c> into the public <see cref="XdsNode"/>.</summary>
internal static class NodeReader
{
    public static XdsNode Read(Node node) => new()
    {
        Id = node.Id,
        Cluster = node.Cluster,
        UserAgentName = node.UserAgentName,
        Locality = node.Locality is { } l && (l.Region.Length > 0 || l.Zone.Length > 0 || l.SubZone.Length > 0)
            ? new EndpointLocality(l.Region, l.Zone.Length > 0 ? l.Zone : null, l.SubZone.Length > 0 ? l.SubZone : null)
            : null,
        Metadata = node.Metadata is null ? default : new EquatableMap<string>(Fields(node.Metadata)),
    };

    private static IEnumerable<KeyValuePair<string, string>> Fields(Struct metadata)
    {
        foreach (var (key, value) in metadata.Fields)
        {
            var text = value.KindCase switch
            {
                Value.KindOneofCase.StringValue => value.StringValue,
                Value.KindOneofCase.BoolValue => value.BoolValue ? "true" : "false",
                Value.KindOneofCase.NumberValue => value.NumberValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => null,
            };
            if (text is not null) yield return new(key, text);
        }
    }
}
