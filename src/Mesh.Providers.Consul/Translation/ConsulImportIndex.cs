using Mesh.Kubernetes;
using Mesh.Providers.Consul.Resources;

namespace Mesh.Providers.Consul.Translation;

/// <summary>A typed input entry with its name, namespace and source.</summary>
/// <typeparam name="T">The resource class.</typeparam>
internal sealed record ConsulDocument<T>(T Resource, string Name, string Namespace, string Source)
    where T : class;

/// <summary>
/// The first pass of an import: every config entry by kind, namespace and name, whichever file it came from, so that the
/// discovery chain (router → splitter → resolver) resolves across files. Each table is in namespace/name order.
/// </summary>
internal sealed class ConsulImportIndex(bool enterprise)
{
    /// <summary>Whether namespace fields are read (Enterprise); Community Edition has one namespace and ignores them.</summary>
    public bool Enterprise { get; } = enterprise;

    /// <summary>The namespace a <c>namespace</c> field names: <paramref name="field"/> on Enterprise, else <paramref name="own"/> (the field reported).</summary>
    public string NamespaceOf(string? field, string own, string source, string path, ImportContext ctx)
    {
        if (field is not { Length: > 0 } || field == "*" || field == own) return own;
        if (Enterprise) return field;
        ctx.NotImported(source, path, $"Consul Community Edition has one namespace: the namespace '{field}' is read as the entry's own ('{own}'). Import with Edition = Enterprise to read it.");
        return own;
    }

    public SortedDictionary<(string Namespace, string Name), ConsulDocument<ServiceDefaults>> Defaults { get; } = new(OrdinalKeyComparer.Instance);

    public SortedDictionary<(string Namespace, string Name), ConsulDocument<ServiceRouter>> Routers { get; } = new(OrdinalKeyComparer.Instance);

    public SortedDictionary<(string Namespace, string Name), ConsulDocument<ServiceSplitter>> Splitters { get; } = new(OrdinalKeyComparer.Instance);

    public SortedDictionary<(string Namespace, string Name), ConsulDocument<ServiceResolver>> Resolvers { get; } = new(OrdinalKeyComparer.Instance);

    public SortedDictionary<(string Namespace, string Name), ConsulDocument<CoreService>> Services { get; } = new(OrdinalKeyComparer.Instance);

    public SortedDictionary<(string Namespace, string Name), ConsulDocument<ServiceIntentions>> Intentions { get; } = new(OrdinalKeyComparer.Instance);

    /// <summary>The JWT providers by name: a global entry, one name per datacenter whatever its Kubernetes namespace.</summary>
    public SortedDictionary<string, ConsulDocument<JwtProvider>> JwtProviders { get; } = new(StringComparer.Ordinal);

    /// <summary>Adds a JWT provider; a second one of the same name, in any namespace, is invalid input.</summary>
    public void AddJwtProvider(ConsulDocument<JwtProvider> document, ImportContext ctx)
    {
        if (document.Name.Length == 0) return;
        if (!JwtProviders.TryAdd(document.Name, document))
        {
            ctx.Invalid(document.Source, "$.metadata.name", $"JWTProvider {document.Name} is defined twice (a global config entry: one name per datacenter, whatever the Kubernetes namespace); this one is not imported.");
        }
    }

    public List<ConsulDocument<ProxyDefaults>> Proxies { get; } = [];

    public List<ConsulDocument<ConsulMesh>> Meshes { get; } = [];

    public List<ConsulDocument<TerminatingGateway>> Gateways { get; } = [];

    public static ConsulDocument<T> Of<T>(T resource, string source, ImportContext ctx)
        where T : class, k8s.IKubernetesObject<k8s.Models.V1ObjectMeta> =>
        new(resource, ctx.NameOf(resource, source), ctx.NamespaceOf(resource), source);

    /// <summary>Adds <paramref name="document"/>; a second entry of one kind, namespace and name is invalid input.</summary>
    public static void Add<T>(SortedDictionary<(string Namespace, string Name), ConsulDocument<T>> table, ConsulDocument<T> document, ImportContext ctx)
        where T : class
    {
        if (document.Name.Length == 0) return;
        if (!table.TryAdd((document.Namespace, document.Name), document))
        {
            ctx.Invalid(document.Source, "$.metadata.name", $"{typeof(T).Name} {document.Name} in namespace {document.Namespace} is defined twice; this one is not imported.");
        }
    }

    /// <summary>The Consul protocol of <paramref name="ns"/>/<paramref name="name"/>: its ServiceDefaults', else the ProxyDefaults' <c>config.protocol</c>, else null (Consul's default, tcp).</summary>
    public string? ProtocolOf(string ns, string name)
    {
        if (Defaults.TryGetValue((ns, name), out var d) && d.Resource.Spec?.Protocol is { Length: > 0 } p) return p;
        foreach (var proxy in Proxies)
        {
            if (proxy.Resource.Spec?.Config is { } config && config.TryGetValue("protocol", out var value) && value?.ToString() is { Length: > 0 } text) return text;
        }
        return null;
    }
}
