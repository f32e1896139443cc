using System.Globalization;
using System.Net;
using Mesh.Collections;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Serialization;

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
/// The text is read by the SDK's hardened YAML reader (<see cref="YamlStreamReader"/>) within <see cref="MeshReaderOptions"/>
/// limits; aliases are refused unless the options allow them, as for mesh models. Plain scalars are typed by the YAML 1.2
/// core schema, as in mesh models: <c>port: 80</c> is a number but <c>port: "80"</c> is a string, and <c>version: 1</c> is
/// not a label value (write <c>"1"</c>). Bad input never throws: it becomes diagnostics with JSON paths
/// (<c>$.endpoints[0].addresses[1].address</c>) and line/column locations. Reading problems carry the shared
/// <c>MESH10xx</c> codes (<see cref="DiagnosticCodes"/>), value checks the <c>MESH40xx</c> ones (<see cref="XdsDiagnosticCodes"/>).
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
    /// <param name="options">
    /// The reading limits (size, depth, node count, aliases, number of diagnostics), or null for
    /// <see cref="MeshReaderOptions.Default"/>, which refuses aliases. An exceeded limit is a
    /// <see cref="DiagnosticCodes.LimitExceeded"/> error.
    /// </param>
    /// <returns>The snapshot (null when there are errors) and the diagnostics.</returns>
    public static EndpointsReadResult Read(string text, string? sourceName = null, MeshReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reader = new Reader(sourceName, options ?? MeshReaderOptions.Default);
        var snapshot = reader.ReadDocument(text);
        return new EndpointsReadResult(reader.HasErrors ? null : snapshot, reader.Diagnostics);
    }

    private sealed class Reader(string? source, MeshReaderOptions options)
    {
        public List<Diagnostic> Diagnostics { get; } = [];

        public bool HasErrors => Diagnostics.Any(d => d.IsError);

        public EndpointSnapshot? ReadDocument(string text)
        {
            var documents = YamlStreamReader.Read(text, source, options, Diagnostics);
            if (Diagnostics.Count > 0) return null;
            if (documents.Count == 0) return EndpointSnapshot.Empty;
            if (FindDuplicateKey(documents) is { } duplicate)
            {
                Error(DiagnosticCodes.Syntax, "$", $"Duplicate key '{duplicate.Value}': a key may appear only once in a mapping.", duplicate);
                return null;
            }
            if (documents.Count > 1)
            {
                Error(DiagnosticCodes.Syntax, "$", "The endpoints file must hold one YAML document.", documents[1]);
            }
            if (documents[0].ScalarType == ScalarType.Null) return EndpointSnapshot.Empty;
            if (Map(documents[0], "$") is not { } root) return null;
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
                        locations.Add(Location(entries.Children[i]));
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
            if (Required(map, "service", path) is { } serviceNode && String(serviceNode, path + ".service") is { } text)
            {
                if (!ServiceRef.TryParse(text, out service))
                {
                    Error(DiagnosticCodes.WrongType, path + ".service", $"'{text}' is not a service reference of the form name.namespace.", serviceNode);
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
                        Error(XdsDiagnosticCodes.DuplicateEndpoint, addressPath, $"{address.Address}:{address.Port?.ToString(CultureInfo.InvariantCulture) ?? "(service port)"} is listed twice.", seq.Children[i]);
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
            if (Required(map, "address", path) is { } addressNode && String(addressNode, path + ".address") is { } text)
            {
                if (IPAddress.TryParse(text, out var ip) && (ip.AddressFamily is System.Net.Sockets.AddressFamily.InterNetwork or System.Net.Sockets.AddressFamily.InterNetworkV6) && text.IndexOf('%', StringComparison.Ordinal) < 0 && IsCanonicalLiteral(text))
                {
                    address = text;
                }
                else
                {
                    Error(XdsDiagnosticCodes.InvalidAddress, path + ".address", $"'{text}' is not an IPv4 or IPv6 literal (xDS clients need IP addresses, not host names).", addressNode);
                }
            }
            int? port = Get(map, "port") is { } portNode ? Port(portNode, path + ".port") : null;
            var portOk = Get(map, "port") is null || port is not null;
            var labels = Get(map, "labels") is { } labelNode ? Labels(labelNode, path + ".labels") : default;
            EndpointLocality? locality = Get(map, "locality") is { } localityNode ? Locality(localityNode, path + ".locality") : null;
            var weight = 1;
            if (Get(map, "weight") is { } weightNode && Scalar(weightNode, path + ".weight") is { } weightText)
            {
                if (weightNode.ScalarType != ScalarType.Int)
                {
                    Error(DiagnosticCodes.WrongType, path + ".weight", $"Expected a weight (an integer from 1 to {int.MaxValue}), found {Describe(weightNode)}.", weightNode);
                }
                else if (!int.TryParse(weightText, NumberStyles.None, CultureInfo.InvariantCulture, out weight) || weight < 1)
                {
                    Error(XdsDiagnosticCodes.InvalidValue, path + ".weight", $"'{weightText}' is not a weight (an integer from 1 to {int.MaxValue}).", weightNode);
                    weight = 1;
                }
            }
            var health = EndpointHealth.Healthy;
            if (Get(map, "health") is { } healthNode && Scalar(healthNode, path + ".health") is { } healthText)
            {
                if (healthNode.ScalarType is not (ScalarType.String or ScalarType.Int))
                {
                    Error(DiagnosticCodes.WrongType, path + ".health", $"Expected one of {string.Join(", ", WireNames.All<EndpointHealth>())}, found {Describe(healthNode)}.", healthNode);
                }
                else if (!WireNames.TryParse(healthText, out health))
                {
                    Error(XdsDiagnosticCodes.InvalidValue, path + ".health", $"'{healthText}' is not a health value; expected one of {string.Join(", ", WireNames.All<EndpointHealth>())}.", healthNode);
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
            var region = Get(map, "region") is { } r ? String(r, path + ".region") : null;
            var zone = Get(map, "zone") is { } z ? String(z, path + ".zone") : null;
            var subZone = Get(map, "subZone") is { } s ? String(s, path + ".subZone") : null;
            return new EndpointLocality(region ?? string.Empty, zone, subZone);
        }

        private EquatableMap<string> Labels(YamlNode node, string path)
        {
            if (Map(node, path) is not { } map) return default;
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i + 1 < map.Children.Count; i += 2)
            {
                var key = map.Children[i];
                if (key.Kind != YamlNodeKind.Scalar)
                {
                    Error(DiagnosticCodes.WrongType, path, $"Expected a label name, found {Describe(key)}.", key);
                    continue;
                }
                if (String(map.Children[i + 1], $"{path}.{key.Value}") is { } text) labels[key.Value] = text;
            }
            return labels;
        }

        private int? Port(YamlNode node, string path)
        {
            if (Scalar(node, path) is not { } text) return null;
            if (node.ScalarType != ScalarType.Int)
            {
                Error(DiagnosticCodes.WrongType, path, $"Expected a port number, found {Describe(node)}.", node);
                return null;
            }
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var port))
            {
                Error(DiagnosticCodes.WrongType, path, $"'{text}' is not a port number.", node);
                return null;
            }
            if (port is < 1 or > 65535)
            {
                Error(XdsDiagnosticCodes.PortOutOfRange, path, $"Port {port} is outside 1-65535.", node);
                return null;
            }
            return port;
        }

        private YamlNode? Map(YamlNode node, string path)
        {
            if (node.Kind == YamlNodeKind.Mapping) return node;
            Error(DiagnosticCodes.WrongType, path, $"Expected a map, found {Describe(node)}.", node);
            return null;
        }

        private YamlNode? Seq(YamlNode node, string path)
        {
            if (node.Kind == YamlNodeKind.Sequence) return node;
            Error(DiagnosticCodes.WrongType, path, $"Expected a list, found {Describe(node)}.", node);
            return null;
        }

        /// <summary>The text of a scalar of any type; the caller checks the type it needs.</summary>
        private string? Scalar(YamlNode node, string path)
        {
            if (node.Kind == YamlNodeKind.Scalar) return node.Value;
            Error(DiagnosticCodes.WrongType, path, $"Expected a value, found {Describe(node)}.", node);
            return null;
        }

        /// <summary>The text of a scalar that is a string under the core schema (quoted, or plain and not null, bool or a number).</summary>
        private string? String(YamlNode node, string path)
        {
            if (Scalar(node, path) is not { } text) return null;
            var type = node.ScalarType;
            if (type == ScalarType.String) return text;
            var hint = type == ScalarType.Null ? string.Empty : $"; quote it (\"{text}\") to make it a string";
            Error(DiagnosticCodes.WrongType, path, $"Expected a string, found {Describe(node)}{hint}.", node);
            return null;
        }

        private static string Describe(YamlNode node) => node.Kind switch
        {
            YamlNodeKind.Mapping => "a map",
            YamlNodeKind.Sequence => "a list",
            _ => node.ScalarType switch
            {
                ScalarType.Null => node.Value.Length == 0 ? "nothing" : "null",
                ScalarType.Bool => $"the boolean {node.Value}",
                ScalarType.Int => $"the integer {node.Value}",
                ScalarType.Float => $"the number {node.Value}",
                _ => $"the string '{node.Value}'",
            },
        };

        private static YamlNode? Get(YamlNode map, string key)
        {
            var children = map.Children;
            for (var i = 0; i + 1 < children.Count; i += 2)
            {
                if (children[i].Kind == YamlNodeKind.Scalar && string.Equals(children[i].Value, key, StringComparison.Ordinal)) return children[i + 1];
            }
            return null;
        }

        private YamlNode? Required(YamlNode map, string key, string path)
        {
            var node = Get(map, key);
            if (node is null) Error(DiagnosticCodes.MissingRequired, $"{path}.{key}", $"'{key}' is required.", map);
            return node;
        }

        private void CheckKeys(YamlNode map, string path, string[] known)
        {
            var children = map.Children;
            for (var i = 0; i < children.Count; i += 2)
            {
                var key = children[i];
                var name = key.Kind == YamlNodeKind.Scalar ? key.Value : string.Empty;
                if (Array.IndexOf(known, name) < 0)
                {
                    Error(DiagnosticCodes.UnknownKey, $"{path}.{name}", $"Unknown key '{name}'; expected one of {string.Join(", ", known)}.", key);
                }
            }
        }

        /// <summary>
        /// The first scalar key that repeats an earlier key of its mapping, in the order a loader meets them (a key's value
        /// is read before the key joins its mapping, so a repeat nested inside that value comes first). Walks with an
        /// explicit stack: the depth is bounded by <see cref="MeshReaderOptions.MaxDepth"/>, not by the call stack.
        /// </summary>
        private static YamlNode? FindDuplicateKey(IReadOnlyList<YamlNode> documents)
        {
            var stack = new Stack<Frame>();
            foreach (var document in documents)
            {
                if (document.Kind != YamlNodeKind.Scalar) stack.Push(new Frame(document));
                while (stack.Count > 0)
                {
                    var frame = stack.Peek();
                    var children = frame.Node.Children;
                    if (frame.ChildDone)
                    {
                        frame.ChildDone = false;
                        if (frame.Keys is not null && frame.Next % 2 == 0)
                        {
                            var key = children[frame.Next - 2];
                            if (key.Kind == YamlNodeKind.Scalar && !frame.Keys.Add(key.Value)) return key;
                        }
                    }
                    if (frame.Next == children.Count)
                    {
                        stack.Pop();
                        if (stack.Count > 0) stack.Peek().ChildDone = true;
                        continue;
                    }
                    var child = children[frame.Next++];
                    if (child.Kind == YamlNodeKind.Scalar) frame.ChildDone = true;
                    else stack.Push(new Frame(child));
                }
            }
            return null;
        }

        private sealed class Frame(YamlNode node)
        {
            public YamlNode Node { get; } = node;

            public int Next { get; set; }

            public bool ChildDone { get; set; }

            public HashSet<string>? Keys { get; } = node.Kind == YamlNodeKind.Mapping ? new(StringComparer.Ordinal) : null;
        }

        private SourceLocation Location(YamlNode node) => new(source, node.Line, node.Column);

        private void Error(DiagnosticCode code, string path, string message, YamlNode at)
        {
            if (Diagnostics.Count >= options.MaxDiagnostics) return;
            Diagnostics.Add(Diagnostic.Error(code, path, message) with { Location = Location(at) });
            if (Diagnostics.Count == options.MaxDiagnostics)
            {
                Diagnostics.Add(Diagnostic.Error(DiagnosticCodes.LimitExceeded, path, $"More than {options.MaxDiagnostics} problems; the rest are not reported (MaxDiagnostics).")
                    with { Location = Location(at) });
            }
        }
    }
}
