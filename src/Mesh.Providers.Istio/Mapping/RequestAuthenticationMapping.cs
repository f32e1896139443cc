using Mesh.Kubernetes;
using Mesh.Collections;
using Mesh.Model;
using Mesh.Providers.Istio.Resources;
using Mesh.Providers.Istio.Translation;
using Mesh.Validation;

namespace Mesh.Providers.Istio.Mapping;

/// <summary>
/// Request authentication ↔ <c>RequestAuthentication</c> (<c>security.istio.io/v1</c>): a service target as a selector on its
/// workloads' labels (as access policies, <see cref="AccessPolicyMapping.TryTargetSelector"/>), a gateway as its workloads'
/// labels, and each JWT rule field for field (<c>jwksUri</c>, <c>jwks</c>, <c>timeout</c>, token locations and outputs).
/// On import a selector that is a gateway's workloads names that gateway; <c>targetRef(s)</c> and
/// <c>spaceDelimitedClaims</c> are reported.
/// </summary>
internal static class RequestAuthenticationMapping
{
    public static IEnumerable<Resources.RequestAuthentication> ToIstio(MeshConfig config, IstioExportContext ctx)
    {
        var result = new List<Resources.RequestAuthentication>();
        var index = config.RequestAuthentications.IsEmpty ? null : new WorkloadSelectorMapping.Index(config.Services);
        for (var i = 0; i < config.RequestAuthentications.Count; i++)
        {
            var policy = config.RequestAuthentications[i];
            var path = $"$.spec.requestAuthentications[{i}]";
            WorkloadSelector? selector = null;
            if (policy.Target is { } target && !AccessPolicyMapping.TryTargetSelector(policy.Namespace, target, path, "request authentication", ctx, index!, out selector)) continue;
            if (policy.Gateway is { } name)
            {
                if (config.FindGateway(name, policy.Namespace) is not { Workloads.IsEmpty: false } gateway)
                {
                    ctx.Unsupported($"{path}.gateway", $"Istio selects a gateway's proxies by their labels, and gateway '{policy.Namespace}/{name}' names no workloads; the request authentication is not written.");
                    continue;
                }
                selector = new WorkloadSelector { MatchLabels = new Dictionary<string, string>(gateway.Workloads, StringComparer.Ordinal) };
            }
            if (selector is null && policy.Namespace == ctx.Options.RootNamespace)
            {
                ctx.Approximated($"{path}.namespace", $"Without a selector, a RequestAuthentication in Istio's root namespace '{policy.Namespace}' applies to the whole mesh, not only to the workloads of that namespace.");
            }
            result.Add(Ownership.From(new Resources.RequestAuthentication
            {
                Metadata = { Name = policy.Name, NamespaceProperty = policy.Namespace },
                Spec = { Selector = selector, JwtRules = Lists.OrNull(policy.JwtRules, RuleToIstio) },
            }, ModelObjectNames.Of(policy)));
        }
        return result.OrderBy(p => p.Metadata.NamespaceProperty, StringComparer.Ordinal).ThenBy(p => p.Metadata.Name, StringComparer.Ordinal);
    }

    private static Resources.JwtRule RuleToIstio(Model.JwtRule rule) => new()
    {
        Issuer = rule.Issuer,
        Audiences = Lists.OrNull(rule.Audiences),
        JwksUri = rule.JwksUri,
        Jwks = rule.Jwks,
        Timeout = rule.JwksTimeout is { } timeout ? DurationMapping.ToIstio(timeout) : null,
        FromHeaders = Lists.OrNull(rule.FromHeaders, h => new Resources.JwtHeader { Name = h.Name, Prefix = h.Prefix }),
        FromParams = Lists.OrNull(rule.FromParams),
        FromCookies = Lists.OrNull(rule.FromCookies),
        ForwardOriginalToken = rule.ForwardOriginalToken ? true : null,
        OutputClaimToHeaders = Lists.OrNull(rule.OutputClaimToHeaders, h => new ClaimToHeader { Header = h.Header, Claim = h.Claim }),
        OutputPayloadToHeader = rule.OutputPayloadToHeader,
    };

    public static void ToModel(Resources.RequestAuthentication ra, string ns, string source, ModelBuilder model, IstioImportContext ctx)
    {
        var name = ctx.NameOf(ra, source);
        var spec = ra.Spec;
        if (spec?.TargetRef is not null || spec?.TargetRefs is { Count: > 0 })
        {
            ctx.NotImported(source, spec.TargetRef is not null ? "$.spec.targetRef" : "$.spec.targetRefs", "A RequestAuthentication attached by targetRef (to a Gateway API Gateway or a Service) is not read: the model names a service's workloads or a gateway of the model. The policy was not imported rather than applied to other workloads.");
            return;
        }
        PolicyTarget? target = null;
        string? gateway = null;
        var labels = (spec?.Selector?.MatchLabels ?? []).Where(e => e.Value is not null).ToEquatableMap();
        if (!labels.IsEmpty)
        {
            gateway = model.Gateways.FirstOrDefault(g => g.Namespace == ns && !g.Workloads.IsEmpty && g.Workloads == labels)?.Name;
            if (gateway is null)
            {
                target = AccessPolicyMapping.TargetToModel(labels, ns, source, model, ctx);
                if (target is null) return;
            }
        }
        if (target is null && gateway is null && ns == ctx.Options.RootNamespace)
        {
            ctx.NotImported(source, "$.metadata.namespace", $"Without a selector, a RequestAuthentication in Istio's root namespace '{ns}' applies to the whole mesh; the model reads it as one for the workloads of '{ns}' only.");
        }
        var rules = new List<Model.JwtRule>();
        var issuers = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (spec?.JwtRules?.Count ?? 0); i++)
        {
            if (spec!.JwtRules![i] is not { } rule) continue;
            var path = $"$.spec.jwtRules[{i}]";
            if (RuleToModel(rule, source, path, ctx) is not { } read) continue;
            if (!issuers.Add(read.Issuer))
            {
                ctx.NotImported(source, $"{path}.issuer", $"Issuer '{read.Issuer}' has an earlier rule in this policy, which verifies its tokens; this rule was not imported.");
                continue;
            }
            rules.Add(read);
        }
        model.RequestAuthentications.Add(new Model.RequestAuthentication { Name = name, Namespace = ns, Target = target, Gateway = gateway, JwtRules = [.. rules] });
    }

    /// <summary>One JWT rule, or null (reported) when it is not one the model can hold; a rule left out verifies nothing, so tokens of its issuer are not rejected.</summary>
    private static Model.JwtRule? RuleToModel(Resources.JwtRule rule, string source, string path, IstioImportContext ctx)
    {
        if (rule.JwksUri is not null && rule.JwksUriLegacy is not null && rule.JwksUri != rule.JwksUriLegacy)
        {
            ctx.NotImported(source, path, "Both 'jwksUri' and 'jwks_uri' are set, to different URLs; the rule was not imported, so tokens of its issuer are rejected.");
            return null;
        }
        if (rule.SpaceDelimitedClaims is { Count: > 0 })
        {
            ctx.NotImported(source, $"{path}.spaceDelimitedClaims", "Claims read as space-delimited lists are not in the model; authorization conditions on them compare the whole claim.");
        }
        var read = new Model.JwtRule
        {
            Issuer = rule.Issuer ?? string.Empty,
            Audiences = [.. (rule.Audiences ?? []).Where(a => a is not null)],
            JwksUri = rule.JwksUri ?? rule.JwksUriLegacy,
            Jwks = rule.Jwks,
            JwksTimeout = DurationMapping.ToModel(rule.Timeout, source, $"{path}.timeout", ctx),
            FromHeaders = [.. (rule.FromHeaders ?? []).Where(h => h is not null).Select(h => new Model.JwtHeader(h.Name ?? string.Empty, h.Prefix))],
            FromParams = [.. (rule.FromParams ?? []).Where(p => p is not null)],
            FromCookies = [.. (rule.FromCookies ?? []).Where(c => c is not null)],
            ForwardOriginalToken = rule.ForwardOriginalToken ?? false,
            OutputClaimToHeaders = [.. (rule.OutputClaimToHeaders ?? []).Where(h => h is not null).Select(h => new JwtClaimHeader(h.Header ?? string.Empty, h.Claim ?? string.Empty))],
            OutputPayloadToHeader = rule.OutputPayloadToHeader,
        };
        if (MeshValidator.ValidateJwtRule(read).FirstOrDefault(d => d.IsError) is { } problem)
        {
            ctx.NotImported(source, path, $"The rule is not one the model can hold ({problem.Message}); it was not imported, so tokens of its issuer are rejected.");
            return null;
        }
        return read;
    }
}
