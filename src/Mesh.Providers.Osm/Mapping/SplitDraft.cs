using Mesh.Model;

namespace Mesh.Providers.Osm.Mapping;

/// <summary>A model route's split as OSM takes it: one list of weighted backends for every request to the host.</summary>
/// <param name="Host">The root service.</param>
/// <param name="Name">The route's name (the TrafficSplit's).</param>
/// <param name="RouteNamespace">The route's namespace (the split lives in the host's).</param>
/// <param name="Path">The model path of the route.</param>
/// <param name="BackendsPath">The model path of the backends written.</param>
/// <param name="Backends">The backends.</param>
/// <param name="Tcp">Whether the route is a TCP route.</param>
/// <param name="Port">A TCP route's port, or null.</param>
internal sealed record SplitDraft(ServiceRef Host, string Name, string RouteNamespace, string Path, string BackendsPath, IReadOnlyList<WeightedBackend> Backends, bool Tcp, int? Port);

/// <summary>The retry policy of the rule written for a host.</summary>
/// <param name="Host">The host.</param>
/// <param name="Retry">The policy.</param>
/// <param name="Path">The model path of the policy.</param>
internal sealed record RetryDraft(ServiceRef Host, RetryPolicy Retry, string Path);
