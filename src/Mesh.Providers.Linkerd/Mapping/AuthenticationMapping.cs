using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Translation;
using Mesh.Providers.Linkerd.Resources;

namespace Mesh.Providers.Linkerd.Mapping;

/// <summary>
/// The sources of an access rule ↔ Linkerd's authentications: service accounts as a <c>MeshTLSAuthentication</c>'s
/// <c>identityRefs</c>, namespaces (with or without service accounts) as its <c>identities</c>
/// (<see cref="LinkerdIdentity"/>), IP blocks as a <c>NetworkAuthentication</c>'s networks (<see cref="Cidrs"/>), and a rule
/// without sources as a NetworkAuthentication of every address (<see cref="AllNetworks"/>). Linkerd requires every
/// authentication of a policy while the model's sources are alternatives, so each kind of source is its own authentication
/// (and policy). Unauthenticated-only sources cannot be expressed. Static members map model → Linkerd; an instance reads the
/// authentications of one import.
/// </summary>
internal sealed class AuthenticationMapping(LinkerdOptions options, ImportContext ctx)
{
    /// <summary>Every IPv4 and IPv6 address: the network of a rule that allows any client.</summary>
    public static readonly string[] AllNetworks = ["0.0.0.0/0", "::/0"];

    private readonly Dictionary<(string Namespace, string Name), (MeshTlsAuthentication Resource, string Source)> _meshTls = [];
    private readonly Dictionary<(string Namespace, string Name), (NetworkAuthentication Resource, string Source)> _networks = [];
    private readonly HashSet<(string Kind, string Namespace, string Name)> _used = [];
    private readonly List<(string Kind, string Namespace, string Name)> _pending = [];

    /// <summary>Model → Linkerd: the authentications of a rule's sources (each is one alternative), with their kind and name.</summary>
    public static List<(string Kind, string Name, object Resource)> ToLinkerd(AccessSource? from, string ns, string authBase, string rulePath, LinkerdOptions options, RouteExportContext ctx)
    {
        var result = new List<(string, string, object)>();
        if (from is null || from.IsAnyone)
        {
            var name = ResourceNames.Join(authBase, "all");
            result.Add((NetworkAuthentication.KubeKind, name, new NetworkAuthentication { Metadata = { Name = name, NamespaceProperty = ns }, Spec = { Networks = [.. AllNetworks.Select(c => new Network { Cidr = c })] } }));
            return result;
        }
        // Only addresses can be excluded, and only from networks: a NetworkAuthentication's except. Any other exclusion would
        // widen the allow rule, which is then not written.
        if (from.Not is { } not)
        {
            var identityCallers = !from.ServiceAccounts.IsEmpty || !from.Namespaces.IsEmpty || from.Authenticated || from.Unauthenticated;
            var onlyAddresses = not.ServiceAccounts.IsEmpty && not.Namespaces.IsEmpty && not.Identities.IsEmpty && not.RequestPrincipals.IsEmpty && not.RemoteIpBlocks.IsEmpty;
            if (identityCallers || !onlyAddresses)
            {
                ctx.Unsupported($"{rulePath}.from.not", "Linkerd excludes callers only as the except list of a NetworkAuthentication's networks, so only IP blocks can be excluded, from a rule that names its callers by IP blocks alone; the rule is not written (without the exclusion it would admit more callers).");
                return result;
            }
            var name = ResourceNames.Join(authBase, "net");
            var cidrs = from.IpBlocks.IsEmpty ? AllNetworks : [.. from.IpBlocks.Select(Cidrs.Of)];
            // Every exclusion on every network: (a \ E) ∪ (b \ E) is (a ∪ b) \ E, what the model means.
            List<string> except = [.. not.IpBlocks.Select(Cidrs.Of)];
            result.Add((NetworkAuthentication.KubeKind, name, new NetworkAuthentication { Metadata = { Name = name, NamespaceProperty = ns }, Spec = { Networks = [.. cidrs.Select(c => new Network { Cidr = c, Except = [.. except] })] } }));
            return result;
        }
        if (!from.ServiceAccounts.IsEmpty || !from.Namespaces.IsEmpty || from.Authenticated)
        {
            var name = ResourceNames.Join(authBase, "mtls");
            var spec = new MeshTlsAuthenticationSpec();
            if (from.Namespaces.IsEmpty && !from.Authenticated)
            {
                spec.IdentityRefs = new List<PolicyReference>(from.ServiceAccounts.Count);
                foreach (var sa in from.ServiceAccounts) spec.IdentityRefs.Add(new PolicyReference { Kind = "ServiceAccount", Name = sa.Name, Namespace = sa.Namespace });
            }
            else
            {
                spec.Identities = new List<string>(from.ServiceAccounts.Count + from.Namespaces.Count + 1);
                foreach (var sa in from.ServiceAccounts) spec.Identities.Add(LinkerdIdentity.Of(sa, options.TrustDomain));
                foreach (var n in from.Namespaces) spec.Identities.Add(LinkerdIdentity.OfNamespace(n, options.TrustDomain));
                // '*' is every meshed client, of any identity.
                if (from.Authenticated) spec.Identities.Add("*");
            }
            result.Add((MeshTlsAuthentication.KubeKind, name, new MeshTlsAuthentication { Metadata = { Name = name, NamespaceProperty = ns }, Spec = spec }));
        }
        if (!from.IpBlocks.IsEmpty)
        {
            var name = ResourceNames.Join(authBase, "net");
            result.Add((NetworkAuthentication.KubeKind, name, new NetworkAuthentication { Metadata = { Name = name, NamespaceProperty = ns }, Spec = { Networks = [.. from.IpBlocks.Select(c => new Network { Cidr = Cidrs.Of(c) })] } }));
        }
        if (from.Unauthenticated)
        {
            ctx.Unsupported($"{rulePath}.from.unauthenticated", "Linkerd authenticates clients by mesh identity or by network; it cannot allow only clients without an identity (an all-networks NetworkAuthentication would admit every client), so this source is not written.");
        }
        return result;
    }

    /// <summary>Linkerd → model: reads a MeshTLSAuthentication (the first of a name is kept).</summary>
    public void Read(MeshTlsAuthentication authentication, string ns, string name, string source) => _meshTls.TryAdd((ns, name), (authentication, source));

    /// <summary>Linkerd → model: reads a NetworkAuthentication (the first of a name is kept).</summary>
    public void Read(NetworkAuthentication authentication, string ns, string name, string source) => _networks.TryAdd((ns, name), (authentication, source));

    /// <summary>Starts reading a policy: the authentications it requires count as used only if it is imported (<see cref="EndPolicy"/>).</summary>
    public void BeginPolicy() => _pending.Clear();

    /// <summary>Ends reading a policy: its authentications count as used when <paramref name="imported"/>.</summary>
    public void EndPolicy(bool imported)
    {
        if (imported) _used.UnionWith(_pending);
    }

    /// <summary>Linkerd → model: the source of a policy with exactly one authentication (Linkerd requires all; the model's sources are alternatives).</summary>
    public AccessSource? ToModel(List<PolicyReference>? refs, string ns, string source, out bool ok)
    {
        ok = false;
        if (refs is not { Count: > 0 })
        {
            ctx.NotImported(source, "$.spec", "A policy without authentications is not in the model; it is not imported.");
            return null;
        }
        if (refs.Count > 1 && !refs.All(r => r.Kind == "ServiceAccount"))
        {
            ctx.NotImported(source, "$.spec", "Linkerd requires every authentication of a policy, while the model's sources are alternatives; a policy with several kinds of authentication is not imported.");
            return null;
        }
        if (refs.All(r => r.Kind == "ServiceAccount"))
        {
            if (refs.Any(r => r.Name is null or "*"))
            {
                ctx.NotImported(source, "$.spec", "A ServiceAccount authentication without a name (every service account) is not in the model; the policy is not imported.");
                return null;
            }
            ok = true;
            return new AccessSource { ServiceAccounts = [.. refs.Select(r => new ServiceAccountRef(r.Namespace ?? ns, r.Name ?? string.Empty))] };
        }
        var reference = refs[0];
        var key = (reference.Namespace ?? ns, reference.Name ?? string.Empty);
        switch (reference.Kind)
        {
            case MeshTlsAuthentication.KubeKind when _meshTls.TryGetValue(key, out var mesh):
                _pending.Add((MeshTlsAuthentication.KubeKind, key.Item1, key.Item2));
                var meshSource = MeshSource(mesh.Resource, key.Item1, mesh.Source);
                if (!meshSource.HasAlternatives)
                {
                    // Without an identity the model expresses, the rule would read as "any client": not imported rather than widened.
                    ctx.NotImported(source, "$.spec", $"MeshTLSAuthentication '{key.Item1}/{key.Item2}' names no service account or namespace the model expresses; the policy is not imported.");
                    return null;
                }
                ok = true;
                return meshSource;
            case NetworkAuthentication.KubeKind when _networks.TryGetValue(key, out var network):
                _pending.Add((NetworkAuthentication.KubeKind, key.Item1, key.Item2));
                if (network.Resource.Spec.Networks?.Any(n => !string.IsNullOrEmpty(n.Cidr)) != true)
                {
                    ctx.NotImported(source, "$.spec", $"NetworkAuthentication '{key.Item1}/{key.Item2}' has no networks, so it admits nobody; the policy is not imported.");
                    return null;
                }
                ok = true;
                return NetworkSource(network.Resource.Spec.Networks, network.Source, "$.spec.networks");
            case MeshTlsAuthentication.KubeKind or NetworkAuthentication.KubeKind:
                ctx.NotImported(source, "$.spec", $"{reference.Kind} '{key.Item1}/{key.Item2}' is not in the input; the policy is not imported.");
                return null;
            default:
                ctx.NotImported(source, "$.spec", $"Authentication kind '{reference.Kind}' is not one Linkerd defines; the policy is not imported.");
                return null;
        }
    }

    /// <summary>Linkerd → model: the service accounts and namespaces of mesh TLS identities; other identities are reported.</summary>
    public AccessSource MeshSource(MeshTlsAuthentication mesh, string ns, string source, string path = "$.spec")
    {
        var accounts = new List<ServiceAccountRef>();
        var namespaces = new List<string>();
        var authenticated = false;
        var identities = mesh.Spec.Identities ?? [];
        for (var j = 0; j < identities.Count; j++)
        {
            if (identities[j] == "*")
            {
                authenticated = true;
                continue;
            }
            var (account, whole) = LinkerdIdentity.Parse(identities[j], options.TrustDomain);
            if (account is { } a) accounts.Add(a);
            else if (whole is not null) namespaces.Add(whole);
            else ctx.NotImported(source, $"{path}.identities[{j}]", $"Identity '{identities[j]}' is not a service account or a whole namespace of trust domain '{options.TrustDomain}'; it is not imported.");
        }
        var refs = mesh.Spec.IdentityRefs ?? [];
        for (var j = 0; j < refs.Count; j++)
        {
            var r = refs[j];
            if (r.Name is null or "*") authenticated = true;
            else if (r.Kind == "ServiceAccount") accounts.Add(new ServiceAccountRef(r.Namespace ?? ns, r.Name));
            else if (r.Kind == "Namespace") namespaces.Add(r.Name);
            else ctx.NotImported(source, $"{path}.identityRefs[{j}].kind", $"Identity kind '{r.Kind}' is not a ServiceAccount or Namespace; it is not imported.");
        }
        return new AccessSource { ServiceAccounts = [.. accounts], Namespaces = [.. namespaces], Authenticated = authenticated };
    }

    /// <summary>Linkerd → model: IP blocks of networks; every address (<c>0.0.0.0/0</c> and <c>::/0</c>) means any client: no source condition.</summary>
    public AccessSource? NetworkSource(List<Network>? networks, string source, string path)
    {
        var list = networks ?? [];
        var except = new List<string>();
        for (var j = 0; j < list.Count; j++)
        {
            foreach (var excluded in list[j].Except ?? [])
            {
                if (Cidrs.Address(excluded ?? string.Empty) is { Length: > 0 } cidr) except.Add(cidr);
            }
        }
        if (except.Count > 0 && list.Count(n => n.Except is { Count: > 0 }) < list.Count)
        {
            ctx.NotImported(source, path, "The model excludes addresses from every network of a rule, Linkerd from the network that lists them: addresses another network of this authentication admits are excluded too (a narrower allow).");
        }
        var cidrs = list.Select(n => Cidrs.Address(n.Cidr ?? string.Empty)).Where(c => c.Length > 0).ToList();
        var not = except.Count == 0 ? null : new AccessSource { IpBlocks = [.. except.Distinct(StringComparer.Ordinal)] };
        if (cidrs.Count == AllNetworks.Length && AllNetworks.All(cidrs.Contains)) return not is null ? null : new AccessSource { Not = not };
        return new AccessSource { IpBlocks = [.. cidrs], Not = not };
    }

    /// <summary>Reports the authentications no imported AuthorizationPolicy requires.</summary>
    public void ReportUnused()
    {
        var unused = _meshTls.Select(m => (Kind: MeshTlsAuthentication.KubeKind, m.Key, m.Value.Source))
            .Concat(_networks.Select(n => (Kind: NetworkAuthentication.KubeKind, n.Key, n.Value.Source)))
            .Where(a => !_used.Contains((a.Kind, a.Key.Namespace, a.Key.Name)));
        foreach (var (kind, (ns, name), source) in unused.OrderBy(a => a.Source, StringComparer.Ordinal))
        {
            ctx.NotImported(source, "$.spec", $"No AuthorizationPolicy imported requires {kind} '{ns}/{name}'; an authentication alone allows nothing, so it is not imported.");
        }
    }
}
