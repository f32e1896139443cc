using Mesh.Kubernetes;
using System.Globalization;
using k8s.Models;
using Mesh.Model;
using Mesh.Providers.Osm.Resources;
using Mesh.Providers.Osm.Translation;

namespace Mesh.Providers.Osm.Mapping;

/// <summary>
/// Route splits → TrafficSplits (<c>split.smi-spec.io/v1alpha2</c>): one per root service, in the root's namespace, named after the
/// route, <c>spec.service</c> the root's FQDN. OSM takes one split per root: a second route of the host with other backends is
/// reported. A split whose only backend is the root itself is not written (OSM sends the root's traffic there anyway), which is reported.
/// </summary>
internal static partial class TrafficSplitMapping
{
    public static List<TrafficSplit> ToOsm(IReadOnlyList<SplitDraft> drafts, OsmExportContext ctx)
    {
        var splits = new List<TrafficSplit>();
        var byHost = new Dictionary<ServiceRef, (SplitDraft Draft, List<TrafficSplitBackend> Backends)>();
        var names = new HashSet<(string, string)>();
        foreach (var draft in drafts)
        {
            var backends = BackendMapping.ToOsm(draft, ctx, out var ports);
            if (byHost.TryGetValue(draft.Host, out var first))
            {
                if (!Same(first.Backends, backends))
                {
                    ctx.Unsupported(draft.Path, $"OSM takes one TrafficSplit per root service: {draft.Host} is already split by {first.Draft.Path}, and this route's split is not written.");
                }
                continue;
            }
            byHost[draft.Host] = (draft, backends);
            if (backends.Count == 0 || backends.All(b => b.Weight == 0)) continue;
            if (backends.Count == 1 && backends[0].Service == draft.Host.Name)
            {
                ctx.Approximated(draft.Path, $"The route's only backend is {draft.Host} itself, where OSM sends its traffic without a split: no TrafficSplit is written, and an import reads the route back only as the carrier of the host's Retry, named after the host.");
                continue;
            }
            if (!names.Add((draft.Host.Namespace, draft.Name)))
            {
                ctx.Unsupported(draft.Path, $"Another route of namespace {draft.Host.Namespace} is named {draft.Name}: this route's TrafficSplit is not written.");
                continue;
            }
            splits.Add(Ownership.From(new TrafficSplit
            {
                Metadata = new V1ObjectMeta { Name = draft.Name, NamespaceProperty = draft.Host.Namespace, Annotations = Annotations(draft, ports) },
                Spec = new TrafficSplitSpec { Service = ctx.Fqdn(draft.Host), Backends = backends },
            }, ModelObjectNames.At(ctx.Config, draft.Path) ?? string.Empty));
        }
        return splits;
    }

    private static bool Same(List<TrafficSplitBackend> a, List<TrafficSplitBackend> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.Service == p.Second.Service && p.First.Weight == p.Second.Weight);

    private static Dictionary<string, string>? Annotations(SplitDraft draft, SortedDictionary<string, int> ports)
    {
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
        if (ports.Count > 0) annotations[OsmAnnotations.BackendPorts] = string.Join(",", ports.Select(p => $"{p.Key}={p.Value.ToString(CultureInfo.InvariantCulture)}"));
        if (draft.Tcp) annotations[OsmAnnotations.RouteKind] = OsmAnnotations.TcpRouteKind;
        if (draft.Tcp && draft.Port is { } port) annotations[OsmAnnotations.TcpPort] = port.ToString(CultureInfo.InvariantCulture);
        if (draft.RouteNamespace != draft.Host.Namespace) annotations[OsmAnnotations.RouteNamespace] = draft.RouteNamespace;
        return annotations.Count == 0 ? null : annotations;
    }
}
