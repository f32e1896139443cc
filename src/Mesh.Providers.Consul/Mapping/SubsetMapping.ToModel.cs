using System.Text.RegularExpressions;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Consul.Resources;
using Mesh.Providers.Consul.Translation;

namespace Mesh.Providers.Consul.Mapping;

/// <summary>
/// Services → model: a Kubernetes Service in the input is read by the kit (a port with neither <c>appProtocol</c> nor a
/// protocol-prefixed name takes the protocol of the service's ServiceDefaults or the ProxyDefaults); a ServiceResolver's subsets
/// become the service's subsets, their labels from the <see cref="ConsulEntries.SubsetLabels"/> annotation (exact) or else
/// from a filter of the form <c>Service.Meta.k == "v" and …</c> (any other filter is reported).
/// </summary>
internal static partial class SubsetMapping
{
    private static readonly IReadOnlySet<string> ResolverCarried = new HashSet<string>(StringComparer.Ordinal) { ConsulEntries.SubsetLabels };

    [GeneratedRegex("""^\s*Service\.Meta(?:\.(?<key>[A-Za-z][A-Za-z0-9_]*)|\["(?<qkey>(?:[^"\\]|\\.)*)"\])\s*==\s*"(?<value>(?:[^"\\]|\\.)*)"\s*$""")]
    private static partial Regex Clause();

    public static List<MeshService> ToModel(ConsulImportIndex index, ImportContext ctx)
    {
        var services = new Dictionary<(string Namespace, string Name), MeshService>();
        var order = new List<(string Namespace, string Name)>();
        foreach (var (key, doc) in index.Services)
        {
            var protocol = ProtocolOf(index.ProtocolOf(key.Namespace, key.Name));
            if (CoreServiceReader.Read(doc.Resource, doc.Name, doc.Namespace, doc.Source, ctx, _ => protocol) is not { } service) continue;
            services[key] = service;
            order.Add(key);
        }
        foreach (var (key, doc) in index.Resolvers)
        {
            var resolver = doc.Resource;
            ctx.ReportMetadata(resolver.Metadata, doc.Source, ResolverCarried);
            var spec = resolver.Spec;
            if (spec is null) continue;
            ReportResolver(spec, doc.Source, ctx);
            var subsets = Subsets(resolver, doc.Source, ctx);
            if (subsets.Count == 0) continue;
            if (!services.TryGetValue(key, out var service))
            {
                service = new MeshService { Name = key.Name, Namespace = key.Namespace };
                order.Add(key);
            }
            services[key] = service with { Subsets = [.. service.Subsets, .. subsets.Where(s => service.FindSubset(s.Name) is null)] };
        }
        return [.. order.Select(k => services[k])];
    }

    private static Protocol? ProtocolOf(string? consul) => consul switch
    {
        "http" => Protocol.Http,
        "http2" => Protocol.Http2,
        "grpc" => Protocol.Grpc,
        "tcp" => Protocol.Tcp,
        _ => null,
    };

    private static void ReportResolver(ServiceResolverSpec spec, string source, ImportContext ctx)
    {
        if (spec.DefaultSubset is not null) ctx.NotImported(source, "$.spec.defaultSubset", "The model has no default subset: traffic without a subset goes to every instance.");
        if (spec.Redirect is not null) ctx.NotImported(source, "$.spec.redirect", "The model has no resolver redirect: it is not carried.");
        if (spec.Failover is not null) ctx.NotImported(source, "$.spec.failover", "The model has no failover targets: they are not carried.");
        if (spec.ConnectTimeout is not null) ctx.NotImported(source, "$.spec.connectTimeout", "The connect timeout is not imported yet.");
        if (spec.RequestTimeout is not null) ctx.NotImported(source, "$.spec.requestTimeout", "The model's timeouts are per route rule: the resolver's request timeout is not carried.");
        if (spec.PrioritizeByLocality is not null) ctx.NotImported(source, "$.spec.prioritizeByLocality", "The model has no locality-aware routing: it is not carried.");
    }

    private static List<Subset> Subsets(ServiceResolver resolver, string source, ImportContext ctx)
    {
        var result = new List<Subset>();
        var map = resolver.Spec?.Subsets;
        if (map is null || map.Count == 0) return result;
        var annotated = ParseAnnotation(RouterMapping.Annotation(resolver.Metadata, ConsulEntries.SubsetLabels), source, ctx);
        foreach (var (name, subset) in map.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var path = "$.spec.subsets" + JsonPaths.Segment(name);
            if (subset?.OnlyPassing is not null) ctx.NotImported(source, path + ".onlyPassing", "The model has no health filter on subsets: onlyPassing is not carried.");
            if (annotated is not null && annotated.TryGetValue(name, out var labels))
            {
                result.Add(new Subset { Name = name, Labels = labels });
                continue;
            }
            if (ParseFilter(subset?.Filter) is { } parsed)
            {
                result.Add(new Subset { Name = name, Labels = parsed });
                continue;
            }
            ctx.NotImported(source, path + ".filter", $"The filter '{subset?.Filter}' is not a conjunction of Service.Meta.<key> == \"<value>\": the subset is not imported.");
        }
        return result;
    }

    private static Dictionary<string, Dictionary<string, string>>? ParseAnnotation(string? text, string source, ImportContext ctx)
    {
        if (text is null) return null;
        var result = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var entry in text.Split(';'))
        {
            var eq = entry.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                ctx.NotImported(source, "$.metadata.annotations" + JsonPaths.Segment(ConsulEntries.SubsetLabels), $"'{entry}' is not subset=k=v,…: the subsets are read from their filters.");
                return null;
            }
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            var rest = entry[(eq + 1)..];
            if (rest.Length > 0)
            {
                foreach (var pair in rest.Split(','))
                {
                    var e = pair.IndexOf('=', StringComparison.Ordinal);
                    if (e <= 0)
                    {
                        ctx.NotImported(source, "$.metadata.annotations" + JsonPaths.Segment(ConsulEntries.SubsetLabels), $"'{pair}' is not k=v: the subsets are read from their filters.");
                        return null;
                    }
                    labels[pair[..e]] = pair[(e + 1)..];
                }
            }
            result[entry[..eq]] = labels;
        }
        return result;
    }

    /// <summary>The labels of a filter <c>Service.Meta.k == "v" and …</c>, or null for any other filter; an empty filter is no labels.</summary>
    public static Dictionary<string, string>? ParseFilter(string? filter)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(filter)) return labels;
        foreach (var clause in filter.Split(" and ", StringSplitOptions.None))
        {
            var m = Clause().Match(clause);
            if (!m.Success) return null;
            var key = m.Groups["key"].Success ? m.Groups["key"].Value : Unquote(m.Groups["qkey"].Value);
            labels[key] = Unquote(m.Groups["value"].Value);
        }
        return labels;
    }

    private static string Unquote(string text) => text.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
}
