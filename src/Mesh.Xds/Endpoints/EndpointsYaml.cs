using System.Globalization;
using System.Net;
using Mesh.Collections;
using Mesh.Diagnostics;
using Mesh.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Mesh.Xds;

/// <summary>
/// Reads the endpoints file used by <c>mesh xds</c>:
/// <code>
/// endpoints:
///   - service: reviews.bookinfo
///     port: 9080
///     addresses:
///       - { address: 10.0.0.11, labels: { version: v1 }, locality: { region: r1, zone: z1 }, weight: 1 }
///       - { address: 10.0.0.12, port: 50062, health: unhealthy }
/// </code>
/// Bad input never throws: it becomes diagnostics with JSON paths (<c>$.endpoints[0].addresses[1].address</c>)
/// and line/column locations.
/// </summary>
public static class EndpointsYaml
{
    private static readonly string[] RootKeys = ["endpoints"];
    private static readonly string[] EntryKeys = ["service", "port", "addresses"];
    private static readonly string[] AddressKeys = ["address", "port", "labels", "locality", "weight", "health"];
    private static readonly string[] LocalityKeys = ["region", "zone", "subZone"];

    /// <summary>Reads an endpoints file.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="sourceName">The file name to put in diagnostic locations, or null.</param>
    /// <returns>The snapshot (null when there are errors) and the diagnostics.</returns>
    public static EndpointsReadResult Read(string text, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reader = new Reader(sourceName);
        var snapshot = reader.ReadDocument(text);
        return new EndpointsReadResult(reader.HasErrors ? null : snapshot, reader.Diagnostics);
    }

    private sealed class Reader(string? source)
    {
        public List<Diagnostic> Diagnostics { get; } = [];

        public bool HasErrors => Diagnostics.Any(d => d.IsError);

        public EndpointSnapshot? ReadDocument(string text)
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(text));
            }
            catch (YamlException e)
            {
                Error(XdsDiagnosticCodes.Syntax, "$", e.Message, e.Start);
                return null;
            }
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
            {
                return EndpointSnapshot.Empty;
            }
            if (stream.Documents.Count > 1)
            {
                Error(XdsDiagnosticCodes.Syntax, "$", "The endpoints file must hold one YAML document.", stream.Documents[1].RootNode.Start);
            }
            if (Map(stream.Documents[0].RootNode, "$") is not { } root) return null;
            CheckKeys(root, "$", RootKeys);
            var services = new List<ServiceEndpoints>();
            var locations = new List<SourceLocation?>();
            if (Get(root, "endpoints") is { } list && Seq(list, "$.endpoints") is { } entries)
            {
                for (var i = 0; i < entries.Children.Count; i++)
                {
                    var path = $"$.endpoints[{i}]";
                    if (Entry(entries.Children[i], path) is { } entry)
                    {
                        services.Add(entry);
                        locations.Add(Location(entries.Children[i].Start));
                    }
                }
            }
            return new EndpointSnapshot { Services = services.ToEquatableArray(), Locations = locations };
        }

        private ServiceEndpoints? Entry(YamlNode node, string path)
        {
            if (Map(node, path) is not { } map) return null;
            CheckKeys(map, path, EntryKeys);
            ServiceRef service = default;
            var ok = true;
            if (Required(map, "service", path) is { } serviceNode && Scalar(serviceNode, path + ".service") is { } text)
            {
                if (!ServiceRef.TryParse(text, out service))
                {
                    Error(XdsDiagnosticCodes.WrongType, path + ".service", $"'{text}' is not a service reference of the form name.namespace.", serviceNode.Start);
                    ok = false;
                }
            }
            else
            {
                ok = false;
            }
            int? port = Required(map, "port", path) is { } portNode ? Port(portNode, path + ".port") : null;
            var addresses = new List<EndpointAddress>();
            if (Get(map, "addresses") is { } addressNode && Seq(addressNode, path + ".addresses") is { } seq)
            {
                var seen = new HashSet<(string, int?)>();
                for (var i = 0; i < seq.Children.Count; i++)
                {
                    var addressPath = $"{path}.addresses[{i}]";
                    if (Address(seq.Children[i], addressPath) is not { } address) continue;
                    if (!seen.Add((address.Address, address.Port)))
                    {
                        Error(XdsDiagnosticCodes.DuplicateEndpoint, addressPath, $"{address.Address}:{address.Port?.ToString(CultureInfo.InvariantCulture) ?? "(service port)"} is listed twice.", seq.Children[i].Start);
                        continue;
                    }
                    addresses.Add(address);
                }
            }
            return ok && port is not null ? new ServiceEndpoints { Service = service, Port = port.Value, Addresses = addresses.ToEquatableArray() } : null;
        }

        private EndpointAddress? Address(YamlNode node, string path)
        {
            if (Map(node, path) is not { } map) return null;
            CheckKeys(map, path, AddressKeys);
            string? address = null;
            if (Required(map, "address", path) is { } addressNode && Scalar(addressNode, path + ".address") is { } text)
            {
                if (IPAddress.TryParse(text, out var ip) && (ip.AddressFamily is System.Net.Sockets.AddressFamily.InterNetwork or System.Net.Sockets.AddressFamily.InterNetworkV6) && text.IndexOf('%', StringComparison.Ordinal) < 0 && IsCanonicalLiteral(text))
                {
                    address = text;
                }
                else
                {
                    Error(XdsDiagnosticCodes.InvalidAddress, path + ".address", $"'{text}' is not an IPv4 or IPv6 literal (xDS clients need IP addresses, not host names).", addressNode.Start);
                }
            }
            int? port = Get(map, "port") is { } portNode ? Port(portNode, path + ".port") : null;
            var portOk = Get(map, "port") is null || port is not null;
            var labels = Get(map, "labels") is { } labelNode ? Labels(labelNode, path + ".labels") : default;
            EndpointLocality? locality = Get(map, "locality") is { } localityNode ? Locality(localityNode, path + ".locality") : null;
            var weight = 1;
            if (Get(map, "weight") is { } weightNode && Scalar(weightNode, path + ".weight") is { } weightText)
            {
                if (!int.TryParse(weightText, NumberStyles.None, CultureInfo.InvariantCulture, out weight) || weight < 1)
                {
                    Error(XdsDiagnosticCodes.InvalidValue, path + ".weight", $"'{weightText}' is not a weight (an integer from 1 to {int.MaxValue}).", weightNode.Start);
                    weight = 1;
                }
            }
            var health = EndpointHealth.Healthy;
            if (Get(map, "health") is { } healthNode && Scalar(healthNode, path + ".health") is { } healthText)
            {
                if (!WireNames.TryParse(healthText, out health))
                {
                    Error(XdsDiagnosticCodes.InvalidValue, path + ".health", $"'{healthText}' is not a health value; expected one of {string.Join(", ", WireNames.All<EndpointHealth>())}.", healthNode.Start);
                }
            }
            return address is null || !portOk ? null : new EndpointAddress
            {
                Address = address,
                Port = port,
                Labels = labels,
                Locality = locality,
                Weight = weight,
                Health = health,
            };
        }

        private static bool IsCanonicalLiteral(string text)
        {
            // IPAddress.TryParse accepts forms like "1" or "010.1"; xDS clients want dotted quads or RFC 4291 text.
            if (text.Contains(':', StringComparison.Ordinal)) return true;
            var parts = text.Split('.');
            return parts.Length == 4 && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit) && (p.Length == 1 || p[0] != '0'));
        }

        private EndpointLocality? Locality(YamlNode node, string path)
        {
            if (Map(node, path) is not { } map) return null;
            CheckKeys(map, path, LocalityKeys);
            var region = Get(map, "region") is { } r ? Scalar(r, path + ".region") : null;
            var zone = Get(map, "zone") is { } z ? Scalar(z, path + ".zone") : null;
            var subZone = Get(map, "subZone") is { } s ? Scalar(s, path + ".subZone") : null;
            return new EndpointLocality(region ?? string.Empty, zone, subZone);
        }

        private EquatableMap<string> Labels(YamlNode node, string path)
        {
            if (Map(node, path) is not { } map) return default;
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in map.Children)
            {
                var name = (key as YamlScalarNode)?.Value ?? string.Empty;
                if (Scalar(value, $"{path}.{name}") is { } text) labels[name] = text;
            }
            return labels;
        }

        private int? Port(YamlNode node, string path)
        {
            if (Scalar(node, path) is not { } text) return null;
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var port))
            {
                Error(XdsDiagnosticCodes.WrongType, path, $"'{text}' is not a port number.", node.Start);
                return null;
            }
            if (port is < 1 or > 65535)
            {
                Error(XdsDiagnosticCodes.PortOutOfRange, path, $"Port {port} is outside 1-65535.", node.Start);
                return null;
            }
            return port;
        }

        private YamlMappingNode? Map(YamlNode node, string path)
        {
            if (node is YamlMappingNode map) return map;
            Error(XdsDiagnosticCodes.WrongType, path, $"Expected a map, found {Describe(node)}.", node.Start);
            return null;
        }

        private YamlSequenceNode? Seq(YamlNode node, string path)
        {
            if (node is YamlSequenceNode seq) return seq;
            Error(XdsDiagnosticCodes.WrongType, path, $"Expected a list, found {Describe(node)}.", node.Start);
            return null;
        }

        private string? Scalar(YamlNode node, string path)
        {
            if (node is YamlScalarNode { Value: { } value }) return value;
            Error(XdsDiagnosticCodes.WrongType, path, $"Expected a value, found {Describe(node)}.", node.Start);
            return null;
        }

        private static string Describe(YamlNode node) => node switch
        {
            YamlMappingNode => "a map",
            YamlSequenceNode => "a list",
            YamlScalarNode { Value: null or "" } => "nothing",
            YamlScalarNode s => $"'{s.Value}'",
            _ => "an alias",
        };

        private static YamlNode? Get(YamlMappingNode map, string key)
        {
            foreach (var (k, v) in map.Children)
            {
                if (k is YamlScalarNode { Value: var name } && string.Equals(name, key, StringComparison.Ordinal)) return v;
            }
            return null;
        }

        private YamlNode? Required(YamlMappingNode map, string key, string path)
        {
            var node = Get(map, key);
            if (node is null) Error(XdsDiagnosticCodes.MissingRequired, $"{path}.{key}", $"'{key}' is required.", map.Start);
            return node;
        }

        private void CheckKeys(YamlMappingNode map, string path, string[] known)
        {
            foreach (var key in map.Children.Keys)
            {
                var name = (key as YamlScalarNode)?.Value ?? string.Empty;
                if (Array.IndexOf(known, name) < 0)
                {
                    Error(XdsDiagnosticCodes.UnknownKey, $"{path}.{name}", $"Unknown key '{name}'; expected one of {string.Join(", ", known)}.", key.Start);
                }
            }
        }

        private SourceLocation Location(Mark mark) => new(source, (int)mark.Line, (int)mark.Column);

        private void Error(DiagnosticCode code, string path, string message, Mark mark) =>
            Diagnostics.Add(Diagnostic.Error(code, path, message) with { Location = Location(mark) });
    }
}
