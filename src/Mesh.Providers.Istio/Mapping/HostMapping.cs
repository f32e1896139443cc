using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.Istio.Translation;

namespace Mesh.Providers.Istio.Mapping;

/// <summary>
/// Service hosts: written as FQDNs, read as short names (relative to a namespace) or FQDNs; other hosts are external
/// services — the ServiceEntry that declares the host, or one declared from the host when the input has none.
/// </summary>
internal static class HostMapping
{
    /// <summary>The FQDN of <paramref name="service"/>.</summary>
    public static string ToIstio(ServiceRef service, IstioOptions options) => service.ToFqdn(options.ClusterDomain);

    /// <summary>Resolves <paramref name="host"/> to a service: <c>reviews</c> in <paramref name="ns"/>, or <c>reviews.bookinfo.svc.DOMAIN</c>.</summary>
    public static bool TryToModel(string? host, string ns, IstioOptions options, out ServiceRef service)
    {
        service = default;
        if (string.IsNullOrEmpty(host) || host.Contains('*', StringComparison.Ordinal)) return false;
        if (!host.Contains('.', StringComparison.Ordinal))
        {
            service = new ServiceRef(host, ns);
            return true;
        }
        var suffix = ".svc." + options.ClusterDomain;
        if (!host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return false;
        return ServiceRef.TryParse(host[..^suffix.Length], out service);
    }

    /// <summary>
    /// Resolves a host that routes, rules or policies name: a mesh service (<see cref="TryToModel"/>), else the external
    /// service of the ServiceEntry declaring it, else (a DNS name outside the cluster domain) an external service declared
    /// from it, named after the host in <paramref name="ns"/>, with an information. Wildcards and cluster-local names that are
    /// not services resolve to nothing.
    /// </summary>
    public static bool TryResolve(string? host, string ns, string source, IstioImportContext ctx, out ServiceRef service)
    {
        var model = ctx.Model;
        if (TryToModel(host, ns, ctx.Options, out service)) return true;
        if (string.IsNullOrEmpty(host)) return false;
        if (ctx.ExternalHosts.TryGetValue(host, out service)) return true;
        if (model.InferredExternals.TryGetValue(host, out var inferred))
        {
            service = new ServiceRef(inferred.Name, inferred.Namespace);
            return true;
        }
        var clusterLocal = host.EndsWith("." + ctx.Options.ClusterDomain, StringComparison.OrdinalIgnoreCase);
        if (host.Contains('*', StringComparison.Ordinal) || clusterLocal || !host.Contains('.', StringComparison.Ordinal) || !Mesh.Validation.DnsNames.IsHostName(host)) return false;
        var name = NameOf(host);
        service = new ServiceRef(name, ns);
        model.InferredExternals[host] = new ExternalService { Name = name, Namespace = ns, Hosts = [host.ToLowerInvariant()], Resolution = Resolution.Dns };
        // At the model's path, like the other services an import declares (ImportCompletion): the input's field is carried.
        ctx.Diagnostics.Add(Diagnostic.Info(DiagnosticCodes.ServiceInferred, "$.spec.externalServices", $"No ServiceEntry of the input declares '{host}' ({source}); it is read as external service '{service}' (DNS resolution, the ports its routes and policies name). Include its ServiceEntry to import its real ports and resolution.") with { Provider = Mesh.Translation.ProviderName.Istio });
        return true;
    }

    /// <summary>A DNS label for a host: <c>api.github.com</c> → <c>api-github-com</c> (at most 63 characters).</summary>
    private static string NameOf(string host)
    {
        var label = new string([.. host.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        if (label.Length > 63) label = label[..63].TrimEnd('-');
        return label.Length == 0 ? "external" : label;
    }
}
