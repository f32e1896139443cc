using System.Globalization;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Osm.Resources;
using Mesh.Providers.Osm.Translation;
using MeshFeature = Mesh.Translation.MeshFeature;
using Mesh.Validation;

namespace Mesh.Providers.Osm.Mapping;

/// <summary>
/// Allow rules' IP blocks ↔ IngressBackends. OSM matches callers by IP range only for ingress: a rule's IP blocks are an
/// <c>IngressBackend</c> (named like the rule's TrafficTarget) that lets plaintext HTTP from them reach the target port of each
/// HTTP-family port the rule allows — whatever the method, path or host, so a rule that names those keeps its IP blocks out
/// (reported; the allow would admit more). Read back, IngressBackends → allow policies. An IngressBackend lets an ingress controller outside the mesh reach a backend Service's
/// port: its <c>Service</c> sources are the controller's Service (callers named as services), its <c>IPRange</c> sources the
/// addresses it connects from (IP blocks). Each backend is a policy on that Service (named after the IngressBackend, with the
/// backend's name when it has several) with one rule: those callers, to the backend's port. What the model's access policies do
/// not say is reported: an <c>AuthenticatedPrincipal</c> (the certificate identity an <c>https</c> backend checks together with
/// the addresses), the <c>https</c> protocol and <c>tls</c> (how the ingress connects), and <c>matches</c>.
/// </summary>
internal static class IngressBackendMapping
{
    /// <summary>The IngressBackend for the IP blocks of <paramref name="rule"/> of <paramref name="policy"/> (written as <paramref name="name"/>), or null (reported).</summary>
    public static IngressBackend? ToOsm(string name, AccessPolicy policy, AccessRule rule, MeshService? service, string path, OsmExportContext ctx)
    {
        var at = $"{path}.from.ipBlocks";
        var to = rule.To ?? new AccessOperation();
        if (!to.Methods.IsEmpty || !to.Paths.IsEmpty || !to.Hosts.IsEmpty || to.Not is not null)
        {
            ctx.Unsupported(at, "An IngressBackend admits an IP range to a port whatever the method, path or host: the rule's IP blocks are not written (the allow would admit more).");
            return null;
        }
        var numbers = new List<int>();
        if (service is null || service.Ports.IsEmpty)
        {
            // A service that declares no port is taken to speak HTTP on the ports the rule names (OSM's default protocol).
            numbers.AddRange(to.Ports);
        }
        else
        {
            foreach (var port in service.Ports.Where(p => to.Ports.IsEmpty || to.Ports.Contains(p.Port)))
            {
                if (port.Protocol is not (Protocol.Http or Protocol.Http2 or Protocol.Grpc))
                {
                    ctx.Unsupported(at, $"An IngressBackend admits HTTP or HTTPS only: the IP blocks are not allowed to the {WireNames.Of(port.Protocol)} port {port.Port}.");
                }
                else if (port.EffectiveTargetPort.Number is { } number) numbers.Add(number);
                else ctx.Unsupported(at, $"Port {port.Port} targets the named container port '{port.EffectiveTargetPort.Name}', and an IngressBackend names the target port by number: the IP blocks are not allowed to it.");
            }
        }
        if (numbers.Count == 0)
        {
            ctx.Unsupported(at, "An IngressBackend names the ports it admits to, and the rule allows no HTTP port of a known number: the IP blocks are not written.");
            return null;
        }
        ctx.Approximated(at, OsmCapabilities.Instance[MeshFeature.AccessFromIpBlocks].Reason!);
        var target = policy.Target!.Service;
        return Ownership.From(new IngressBackend
        {
            Metadata = new k8s.Models.V1ObjectMeta { Name = name, NamespaceProperty = target.Namespace },
            Spec = new IngressBackendSpec
            {
                Backends = [.. numbers.Distinct().Order().Select(n => new IngressBackendTarget { Name = target.Name, Port = new IngressBackendPort { Number = n, Protocol = "http" } })],
                Sources = [.. rule.From!.IpBlocks.Select(b => new KindReference { Kind = "IPRange", Name = b })],
            },
        }, ModelObjectNames.Of(policy));
    }

    public static List<AccessPolicy> ToModel(ImportIndex index, IReadOnlyCollection<AccessPolicy> taken, IReadOnlyList<MeshService> services, ImportContext ctx)
    {
        var result = new List<AccessPolicy>();
        var names = new HashSet<(string, string)>(taken.Select(p => (p.Namespace, p.Name)));
        foreach (var doc in index.IngressBackends.Values)
        {
            ctx.ReportMetadata(doc.Resource.Metadata, doc.Source);
            if (doc.Resource.Spec is not { } spec)
            {
                ctx.Invalid(doc.Source, "$.spec", "An IngressBackend needs a spec (backends and sources).");
                continue;
            }
            if (spec.Matches is { Count: > 0 }) ctx.NotImported(doc.Source, "$.spec.matches", "The model's access policies do not select ingress traffic by resource matches; the IngressBackend was read without them.");
            var from = Sources(doc, spec, ctx);
            if (from is null) continue;
            var backends = spec.Backends ?? [];
            if (backends.Count == 0) ctx.Invalid(doc.Source, "$.spec.backends", "An IngressBackend needs at least one backend.");
            for (var k = 0; k < backends.Count; k++)
            {
                var at = $"$.spec.backends[{k}]";
                var backend = backends[k];
                if (backend?.Name is not { } name || !DnsNames.IsDnsLabel(name))
                {
                    ctx.Invalid(doc.Source, $"{at}.name", $"The backend '{backend?.Name}' must name a Service of the IngressBackend's namespace (a DNS label).");
                    continue;
                }
                if (backend.Port?.Number is not { } number || number is < 1 or > 65535)
                {
                    ctx.Invalid(doc.Source, $"{at}.port.number", "The backend needs the number of the port the ingress reaches (1-65535).");
                    continue;
                }
                var protocol = backend.Port.Protocol;
                if (string.Equals(protocol, "https", StringComparison.OrdinalIgnoreCase))
                {
                    ctx.NotImported(doc.Source, $"{at}.port.protocol", "The ingress reaches this backend over TLS with a certificate the mesh issues it; the model's access policies do not say how a caller connects, so it is read as an allow on the port.");
                }
                else if (!string.Equals(protocol, "http", StringComparison.OrdinalIgnoreCase))
                {
                    ctx.Invalid(doc.Source, $"{at}.port.protocol", $"The backend's protocol '{protocol}' must be http or https.");
                    continue;
                }
                if (backend.Tls is not null) ctx.NotImported(doc.Source, $"{at}.tls", "How the backend checks the ingress's certificate (client certificate validation, SNI hosts) is not in the model.");
                var policyName = backends.Count == 1 ? doc.Name : Name(doc.Name, name);
                for (var n = 2; names.Contains((doc.Namespace, policyName)); n++) policyName = Name(doc.Name, name + "-" + n.ToString(CultureInfo.InvariantCulture));
                if (policyName != doc.Name) ctx.NotImportedInfo(doc.Source, at, $"The backend is read as access policy '{policyName}' (a policy protects one service).");
                names.Add((doc.Namespace, policyName));
                result.Add(new AccessPolicy
                {
                    Name = policyName,
                    Namespace = doc.Namespace,
                    Target = new PolicyTarget { Service = new ServiceRef(name, doc.Namespace) },
                    Action = AccessAction.Allow,
                    Rules = [new AccessRule { From = from, To = new AccessOperation { Ports = [ServicePort(services, new ServiceRef(name, doc.Namespace), number)] } }],
                });
            }
        }
        return result;
    }

    /// <summary>The port of the backend Service whose target port is <paramref name="number"/> (an IngressBackend names target ports), else the number itself.</summary>
    private static int ServicePort(IReadOnlyList<MeshService> services, ServiceRef backend, int number) =>
        services.FirstOrDefault(s => s.Reference == backend)?.Ports.FirstOrDefault(p => p.EffectiveTargetPort.Number == number) is { } port ? port.Port : number;

    /// <summary><c>first-second</c>, cut to a DNS label's 63 characters (without a trailing dash).</summary>
    private static string Name(string first, string second)
    {
        var joined = $"{first}-{second}";
        return joined.Length <= 63 ? joined : joined[..63].TrimEnd('-');
    }

    /// <summary>The callers of an IngressBackend: its Services and IP ranges; null (reported) when it names none the model reads.</summary>
    private static AccessSource? Sources(ImportDocument<IngressBackend> doc, IngressBackendSpec spec, ImportContext ctx)
    {
        var services = new List<ServiceRef>();
        var blocks = new List<string>();
        var sources = spec.Sources ?? [];
        for (var j = 0; j < sources.Count; j++)
        {
            var at = $"$.spec.sources[{j}]";
            var source = sources[j];
            switch (source?.Kind)
            {
                case "Service":
                    var ns = string.IsNullOrEmpty(source.Namespace) ? doc.Namespace : source.Namespace;
                    if (source.Name is { } name && DnsNames.IsDnsLabel(name) && DnsNames.IsDnsLabel(ns)) services.Add(new ServiceRef(name, ns));
                    else ctx.NotImported(doc.Source, at, $"The source Service '{source.Name}' in '{ns}' is not a Service name (DNS labels); it was not imported.");
                    break;
                case "IPRange":
                    if (IpAddresses.IsIpOrCidr(source.Name)) blocks.Add(source.Name!);
                    else ctx.NotImported(doc.Source, $"{at}.name", $"The source IP range '{source.Name}' is not an IP address or CIDR block; it was not imported.");
                    break;
                case "AuthenticatedPrincipal":
                    ctx.NotImported(doc.Source, at, $"The principal '{source.Name}' is the certificate identity an https backend checks on the ingress's connections, together with the source addresses; the model's callers are alternatives, so it is not carried.");
                    break;
                default:
                    ctx.NotImported(doc.Source, $"{at}.kind", $"An IngressBackend source is a Service, an AuthenticatedPrincipal or an IPRange, not '{source?.Kind}'; it was not imported.");
                    break;
            }
        }
        if (services.Count > 0 || blocks.Count > 0) return new AccessSource { Services = [.. services.Distinct()], IpBlocks = [.. blocks.Distinct(StringComparer.Ordinal)] };
        ctx.NotImported(doc.Source, "$.spec", "No source of the IngressBackend is a Service or an IP range the model reads: it allows nothing that can be imported, and it was not imported.");
        return null;
    }
}
