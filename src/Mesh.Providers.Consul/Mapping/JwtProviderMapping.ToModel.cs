using System.Text;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Consul.Resources;
using Mesh.Providers.Consul.Translation;
using Mesh.Validation;

namespace Mesh.Providers.Consul.Mapping;

/// <summary>
/// JWTProviders → request authentications. A provider the export wrote names its policy (<see cref="ConsulEntries.RequestAuthentication"/>):
/// the policy of that name in the entry's namespace, for its target service or the whole namespace. Any other provider is
/// grouped by the services whose intentions require its token: the policy <c>&lt;service&gt;-jwt</c> of each. A provider no
/// intention names verifies nothing in Consul and is reported. Each provider is one JWT rule; what the model has no field for
/// (clock skew, caches, key fetch retries and cluster, a key set file, padding) is reported.
/// </summary>
internal static partial class JwtProviderMapping
{
    private static readonly IReadOnlySet<string> Carried = new HashSet<string>(StringComparer.Ordinal) { ConsulEntries.RequestAuthentication };

    /// <summary>The providers read: each one's rule and issuer, and per service the providers its workloads verify.</summary>
    public sealed class Imported
    {
        public Dictionary<string, (JwtRule Rule, string Source)> ByName { get; } = new(StringComparer.Ordinal);

        public List<Model.RequestAuthentication> Policies { get; } = [];

        /// <summary>The providers whose tokens <paramref name="service"/>'s workloads verify.</summary>
        public IReadOnlySet<string> Of(ServiceRef service) => _applicable.TryGetValue(service, out var set) ? set : (_namespaces.TryGetValue(service.Namespace, out var ns) ? ns : Empty);

        internal readonly Dictionary<ServiceRef, HashSet<string>> _applicable = [];
        internal readonly Dictionary<string, HashSet<string>> _namespaces = new(StringComparer.Ordinal);
        private static readonly HashSet<string> Empty = [];
    }

    public static Imported ToModel(ConsulImportIndex index, ImportContext ctx)
    {
        var result = new Imported();
        // Providers by the policy they belong to: (namespace, policy name, target service or null).
        var policies = new SortedDictionary<(string Namespace, string Name, string Target), List<string>>(Comparer<(string, string, string)>.Create(static (a, b) =>
        {
            var c = string.CompareOrdinal(a.Item1, b.Item1);
            if (c == 0) c = string.CompareOrdinal(a.Item2, b.Item2);
            return c != 0 ? c : string.CompareOrdinal(a.Item3, b.Item3);
        }));
        var unclaimed = new List<ConsulDocument<JwtProvider>>();
        foreach (var doc in index.JwtProviders.Values)
        {
            ctx.ReportMetadata(doc.Resource.Metadata, doc.Source, Carried);
            if (Rule(doc, ctx) is not { } rule) continue;
            result.ByName[doc.Name] = (rule, doc.Source);
            if (RouterMapping.Annotation(doc.Resource.Metadata, ConsulEntries.RequestAuthentication) is { Length: > 0 } owner)
            {
                var slash = owner.IndexOf('/', StringComparison.Ordinal);
                var key = slash < 0 ? (doc.Namespace, owner, string.Empty) : (doc.Namespace, owner[..slash], owner[(slash + 1)..]);
                if (!policies.TryGetValue(key, out var list)) policies[key] = list = [];
                list.Add(doc.Name);
            }
            else unclaimed.Add(doc);
        }
        // Providers without a policy: per destination service whose intentions name them.
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var doc in index.Intentions.Values)
        {
            var spec = doc.Resource.Spec;
            if (spec?.Destination?.Name is not { Length: > 0 } destination || destination == "*") continue;
            var ns = spec.Destination.Namespace is { Length: > 0 } n && n != "*" && index.Enterprise ? n : doc.Namespace;
            var names = Named(spec.Jwt).Concat((spec.Sources ?? []).SelectMany(s => (s?.Permissions ?? []).SelectMany(p => Named(p?.Jwt))));
            foreach (var name in names)
            {
                referenced.Add(name);
                if (unclaimed.Any(u => u.Name == name))
                {
                    var key = (ns, destination + "-jwt", destination);
                    if (!policies.TryGetValue(key, out var list)) policies[key] = list = [];
                    if (!list.Contains(name)) list.Add(name);
                }
            }
        }
        foreach (var doc in unclaimed)
        {
            if (!referenced.Contains(doc.Name) && result.ByName.ContainsKey(doc.Name))
            {
                ctx.NotImported(doc.Source, "$.metadata.name", $"No intention requires a token of JWTProvider '{doc.Name}', so Consul verifies none: there are no workloads to give its request authentication; it was not imported.");
            }
        }
        foreach (var ((ns, name, target), providers) in policies)
        {
            var rules = new List<JwtRule>();
            var issuers = new HashSet<string>(StringComparer.Ordinal);
            foreach (var provider in providers)
            {
                var (rule, source) = result.ByName[provider];
                if (!issuers.Add(rule.Issuer))
                {
                    ctx.NotImported(source, "$.spec.issuer", $"Another JWTProvider of the same request authentication verifies tokens of issuer '{rule.Issuer}'; the model holds one rule per issuer, so this one was not imported.");
                    continue;
                }
                rules.Add(rule);
                if (target.Length > 0) Add(result._applicable, new ServiceRef(target, ns), provider);
                else
                {
                    if (!result._namespaces.TryGetValue(ns, out var set)) result._namespaces[ns] = set = new HashSet<string>(StringComparer.Ordinal);
                    set.Add(provider);
                }
            }
            result.Policies.Add(new Model.RequestAuthentication
            {
                Name = name,
                Namespace = ns,
                Target = target.Length > 0 ? new PolicyTarget { Service = new ServiceRef(target, ns) } : null,
                JwtRules = [.. rules],
            });
        }
        // A namespace-wide policy covers the namespace's services beside their own policies.
        foreach (var (service, set) in result._applicable)
        {
            if (result._namespaces.TryGetValue(service.Namespace, out var wide)) set.UnionWith(wide);
        }
        return result;
    }

    private static void Add(Dictionary<ServiceRef, HashSet<string>> map, ServiceRef service, string provider)
    {
        if (!map.TryGetValue(service, out var set)) map[service] = set = new HashSet<string>(StringComparer.Ordinal);
        set.Add(provider);
    }

    private static IEnumerable<string> Named(IntentionJwt? jwt) => (jwt?.Providers ?? []).Select(p => p?.Name).OfType<string>();

    /// <summary>One provider as a JWT rule, or null (reported) when it has no key set the model can hold.</summary>
    private static JwtRule? Rule(ConsulDocument<JwtProvider> doc, ImportContext ctx)
    {
        var source = doc.Source;
        var spec = doc.Resource.Spec;
        if (spec?.Issuer is not { Length: > 0 } issuer)
        {
            ctx.NotImported(source, "$.spec.issuer", "A JWTProvider without an issuer verifies tokens of any issuer; the model's rules name theirs: it was not imported.");
            return null;
        }
        string? jwks = null;
        string? uri = null;
        TimeSpan? timeout = null;
        var keys = spec.JsonWebKeySet;
        if (keys?.Local is { } local && keys.Remote is null)
        {
            if (local.Filename is not null)
            {
                ctx.NotImported(source, "$.spec.jsonWebKeySet.local.filename", "A key set read from a file on the proxies has no model form: the provider was not imported, so tokens of its issuer are not verified.");
                return null;
            }
            try { jwks = Encoding.UTF8.GetString(Convert.FromBase64String(local.Jwks ?? string.Empty)); }
            catch (FormatException)
            {
                ctx.Invalid(source, "$.spec.jsonWebKeySet.local.jwks", "consul-k8s rejects a key set that is not base64: the provider was not imported.");
                return null;
            }
        }
        else if (keys?.Remote is { } remote && keys.Local is null)
        {
            uri = remote.Uri;
            if (remote.RequestTimeoutMs is { } ms) timeout = TimeSpan.FromMilliseconds(ms);
            if (remote.CacheDuration is not null) ctx.NotImported(source, "$.spec.jsonWebKeySet.remote.cacheDuration", "The model keeps the mesh's key cache duration: it is not carried.");
            if (remote.FetchAsynchronously is not null) ctx.NotImported(source, "$.spec.jsonWebKeySet.remote.fetchAsynchronously", "The model keeps the mesh's key fetch mode: it is not carried.");
            if (remote.UseSni is not null) ctx.NotImported(source, "$.spec.jsonWebKeySet.remote.useSNI", "The model has no SNI setting for key fetches: it is not carried.");
            if (remote.RetryPolicy is not null) ctx.NotImported(source, "$.spec.jsonWebKeySet.remote.retryPolicy", "The model has no retries of key fetches: they are not carried.");
            if (remote.JwksCluster is not null) ctx.NotImported(source, "$.spec.jsonWebKeySet.remote.jwksCluster", "The model has no connection settings for key fetches: they are not carried.");
        }
        else
        {
            ctx.Invalid(source, "$.spec.jsonWebKeySet", "consul-k8s requires exactly one of jsonWebKeySet.local and jsonWebKeySet.remote: the provider was not imported.");
            return null;
        }
        if (spec.ClockSkewSeconds is not null) ctx.NotImported(source, "$.spec.clockSkewSeconds", "The model keeps the mesh's clock skew allowance: it is not carried.");
        if (spec.CacheConfig is not null) ctx.NotImported(source, "$.spec.cacheConfig", "The model has no cache of verification results: it is not carried.");
        if (spec.Forwarding?.PadForwardPayloadHeader == true) ctx.NotImported(source, "$.spec.forwarding.padForwardPayloadHeader", "The model's payload header is unpadded base64url: the padding is not carried.");

        var headers = new List<JwtHeader>();
        var parameters = new List<string>();
        var cookies = new List<string>();
        bool? forward = null;
        var locations = spec.Locations ?? [];
        for (var i = 0; i < locations.Count; i++)
        {
            var location = locations[i];
            var path = $"$.spec.locations[{i}]";
            if ((location?.Header is null ? 0 : 1) + (location?.QueryParam is null ? 0 : 1) + (location?.Cookie is null ? 0 : 1) != 1)
            {
                ctx.Invalid(source, path, "consul-k8s requires exactly one of header, queryParam and cookie in a location: it was not imported.");
                continue;
            }
            if (location!.Header is { } header)
            {
                headers.Add(new JwtHeader(header.Name ?? string.Empty, string.IsNullOrEmpty(header.ValuePrefix) ? null : header.ValuePrefix));
                var keep = header.Forward ?? false;
                // Envoy keeps one setting per provider: Consul passes the last header's.
                if (forward is { } earlier && earlier != keep) ctx.NotImported(source, $"{path}.header.forward", "The header locations disagree on forward, and Envoy applies the last one's to every header: the earlier settings are not carried.");
                forward = keep;
            }
            else if (location.QueryParam is { } parameter) parameters.Add(parameter.Name ?? string.Empty);
            else cookies.Add(location.Cookie!.Name ?? string.Empty);
        }
        // The export writes Envoy's default locations explicitly to keep the token: read back as no location.
        if (forward == true && headers is [{ Name: var h, Prefix: DefaultPrefix }] && string.Equals(h, DefaultHeader, StringComparison.OrdinalIgnoreCase) && parameters is [DefaultParameter] && cookies.Count == 0)
        {
            headers.Clear();
            parameters.Clear();
        }
        var rule = new JwtRule
        {
            Issuer = issuer,
            Audiences = [.. (spec.Audiences ?? []).Where(a => a is not null)],
            JwksUri = uri,
            Jwks = jwks,
            JwksTimeout = timeout,
            FromHeaders = [.. headers],
            FromParams = [.. parameters],
            FromCookies = [.. cookies],
            ForwardOriginalToken = forward ?? false,
            OutputPayloadToHeader = spec.Forwarding?.HeaderName is { Length: > 0 } payload ? payload : null,
        };
        if (MeshValidator.ValidateJwtRule(rule).FirstOrDefault(d => d.IsError) is { } problem)
        {
            ctx.NotImported(source, "$.spec", $"The provider is not a JWT rule the model can hold ({problem.Message}); it was not imported, so tokens of its issuer are not verified.");
            return null;
        }
        return rule;
    }
}
