using System.Globalization;
using System.Text;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Consul.Resources;
using Mesh.Providers.Consul.Translation;

namespace Mesh.Providers.Consul.Mapping;

/// <summary>
/// Request authentication → one <c>JWTProvider</c> per JWT rule. A provider is a global config entry: its name is unique in
/// the output (the policy's name, <c>-&lt;rule index&gt;</c> when it has several rules, <c>-&lt;namespace&gt;</c> when the name is
/// taken); it lives in the policy's namespace and names the policy (and its target service) in
/// <see cref="ConsulEntries.RequestAuthentication"/>. The workloads the policy covers are the services whose intentions may
/// require the provider's token (<see cref="JwtRequirements"/>): the target, or each model service of the namespace. Field for
/// field: issuer, audiences, the key set (inline as base64, or remote with its fetch timeout), token locations (the token kept
/// on the request as each header's <c>forward</c>), the payload header as <c>forwarding.headerName</c>. Claims copied to
/// headers, a rule without a key set (discovered from the issuer), gateways and subsets are not written (reported).
/// </summary>
internal static partial class JwtProviderMapping
{
    /// <summary>A provider written: its name and issuer.</summary>
    public readonly record struct Written(string Name, string Issuer);

    /// <summary>The providers written, and per model service the providers whose tokens its workloads verify (in policy order).</summary>
    public sealed class Providers
    {
        public List<JwtProvider> Entries { get; } = [];

        public Dictionary<ServiceRef, List<Written>> ByService { get; } = [];

        public IReadOnlyList<Written> Of(ServiceRef service) => ByService.TryGetValue(service, out var list) ? list : [];
    }

    public static Providers ToConsul(ConsulExportContext ctx)
    {
        var config = ctx.Config;
        var result = new Providers();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < config.RequestAuthentications.Count; i++)
        {
            var policy = config.RequestAuthentications[i];
            var path = $"$.spec.requestAuthentications[{i}]";
            if (policy.Gateway is not null)
            {
                ctx.Unsupported($"{path}.gateway", ConsulCapabilities.Instance[Mesh.Translation.MeshFeature.JwtGateway].Reason + " The request authentication is not written.");
                continue;
            }
            if (policy.Target?.Subset is not null)
            {
                ctx.Unsupported($"{path}.target.subset", "Consul intentions, which decide where a token is required, protect a whole service, not a subset: the request authentication is not written, so no request to the subset carries a request principal.");
                continue;
            }
            List<ServiceRef> services = policy.Target is { } target
                ? [target.Service]
                : [.. config.Services.Where(s => s.Namespace == policy.Namespace).Select(s => s.Reference).Distinct()];
            var written = 0;
            for (var j = 0; j < policy.JwtRules.Count; j++)
            {
                var rule = policy.JwtRules[j];
                var rulePath = $"{path}.jwtRules[{j}]";
                if (Entry(rule, rulePath, ctx) is not { } entry) continue;
                var name = Name(policy, j, names);
                entry.Metadata.Name = name;
                entry.Metadata.NamespaceProperty = policy.Namespace;
                ConsulEntries.Annotate(entry, ConsulEntries.RequestAuthentication, policy.Target is { } t ? $"{policy.Name}/{t.Service.Name}" : policy.Name);
                result.Entries.Add(Ownership.From(entry, ModelObjectNames.Of(policy)));
                written++;
                foreach (var service in services)
                {
                    if (!result.ByService.TryGetValue(service, out var list)) result.ByService[service] = list = [];
                    list.Add(new Written(name, rule.Issuer));
                }
            }
            if (written > 0)
            {
                ctx.Approximated(path, "Written as JWTProvider config entries, which verify a token only where an intention requires one (an allow policy whose callers are request principals or whose conditions test the token): a request with an invalid token is not rejected for it elsewhere, and one refused for its token gets 403 rather than 401.");
            }
        }
        return result;
    }

    private static string Name(Model.RequestAuthentication policy, int rule, HashSet<string> taken)
    {
        var suffix = policy.JwtRules.Count > 1 ? "-" + rule.ToString(CultureInfo.InvariantCulture) : string.Empty;
        var name = policy.Name + suffix;
        if (!taken.Add(name))
        {
            name = $"{policy.Name}-{policy.Namespace}{suffix}";
            for (var k = 2; !taken.Add(name); k++) name = $"{policy.Name}-{policy.Namespace}{suffix}-{k.ToString(CultureInfo.InvariantCulture)}";
        }
        return name;
    }

    private static JwtProvider? Entry(JwtRule rule, string path, ConsulExportContext ctx)
    {
        JsonWebKeySet keys;
        if (rule.Jwks is { } jwks) keys = new JsonWebKeySet { Local = new LocalJwks { Jwks = Convert.ToBase64String(Encoding.UTF8.GetBytes(jwks)) } };
        else if (rule.JwksUri is { } uri) keys = new JsonWebKeySet { Remote = new RemoteJwks { Uri = uri, RequestTimeoutMs = Timeout(rule.JwksTimeout, path, ctx) } };
        else
        {
            ctx.Unsupported(path, "Consul needs the issuer's key set (a JWKS URI or an inline key set); it does not discover it from the issuer: the rule is not written, so tokens of its issuer are not verified and carry no request principal.");
            return null;
        }
        if (rule.Jwks is not null && rule.JwksTimeout is not null) ctx.Note($"{path}.jwksTimeout", "An inline key set is not fetched: the timeout has no effect and is not written.");
        if (!rule.OutputClaimToHeaders.IsEmpty)
        {
            ctx.Unsupported($"{path}.outputClaimToHeaders", "Consul cannot copy claims to headers (a JWTProvider forwards the whole payload only, forwarding.headerName): the claim headers are not set.");
        }
        var entry = new JwtProvider();
        entry.Spec.Issuer = rule.Issuer;
        entry.Spec.Audiences = rule.Audiences.IsEmpty ? null : [.. rule.Audiences];
        entry.Spec.JsonWebKeySet = keys;
        entry.Spec.Locations = Locations(rule, path, ctx);
        if (rule.OutputPayloadToHeader is { } header) entry.Spec.Forwarding = new JwtForwarding { HeaderName = header };
        return entry;
    }

    /// <summary>The fetch timeout in milliseconds; Consul hands Envoy whole seconds, so a part of a second is reported.</summary>
    private static int? Timeout(TimeSpan? timeout, string path, ConsulExportContext ctx)
    {
        if (timeout is not { } t) return null;
        var ms = (long)Math.Ceiling(t.TotalMilliseconds);
        if (ms % 1000 != 0)
        {
            ctx.Approximated($"{path}.jwksTimeout", "Consul gives Envoy the key set fetch timeout in whole seconds (requestTimeoutMs / 1000, rounded down): a part of a second is lost.");
        }
        return (int)Math.Min(ms, int.MaxValue);
    }

    /// <summary>
    /// The token locations, each header with <c>forward</c> set to <see cref="JwtRule.ForwardOriginalToken"/> (Envoy keeps one
    /// setting per provider). With no location and the token kept, Envoy's defaults are written explicitly so that a header can
    /// say so: <c>Authorization: Bearer</c> and <c>access_token</c>.
    /// </summary>
    private static List<JwtLocation>? Locations(JwtRule rule, string path, ConsulExportContext ctx)
    {
        var forward = rule.ForwardOriginalToken ? true : (bool?)null;
        var headers = rule.FromHeaders;
        var parameters = rule.FromParams;
        if (headers.IsEmpty && parameters.IsEmpty && rule.FromCookies.IsEmpty)
        {
            if (!rule.ForwardOriginalToken) return null;
            headers = [new JwtHeader(DefaultHeader, DefaultPrefix)];
            parameters = [DefaultParameter];
        }
        else if (rule.ForwardOriginalToken && headers.IsEmpty)
        {
            ctx.Note($"{path}.forwardOriginalToken", "Consul keeps the token on the request per header location, and this rule reads it from query parameters or cookies only, which Envoy never removes: the token reaches the workload, and reads back as not forwarded.");
        }
        var locations = new List<JwtLocation>(headers.Count + parameters.Count + rule.FromCookies.Count);
        foreach (var header in headers) locations.Add(new JwtLocation { Header = new JwtLocationHeader { Name = header.Name, ValuePrefix = header.Prefix, Forward = forward } });
        foreach (var parameter in parameters) locations.Add(new JwtLocation { QueryParam = new JwtLocationName { Name = parameter } });
        foreach (var cookie in rule.FromCookies) locations.Add(new JwtLocation { Cookie = new JwtLocationName { Name = cookie } });
        return locations;
    }

    /// <summary>Envoy's default token header (when a provider lists no location).</summary>
    public const string DefaultHeader = "authorization";

    /// <summary>The prefix of <see cref="DefaultHeader"/>.</summary>
    public const string DefaultPrefix = "Bearer ";

    /// <summary>Envoy's default token query parameter.</summary>
    public const string DefaultParameter = "access_token";
}
