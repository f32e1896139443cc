using Mesh.Analysis;
using Mesh.Collections;
using Mesh.Model;

namespace Mesh.Abstractions.Tests.Analysis;

/// <summary>A backend list of a model (an HTTP rule that forwards, or a TCP route), where it is, and how to put another in its place.</summary>
/// <param name="Path">The rule's or TCP route's wire path.</param>
/// <param name="Backends">The backends.</param>
/// <param name="RequestPort">The port a request arrives on (the host's HTTP port, or the TCP route's port), when known.</param>
/// <param name="Replace">The model with other backends in this list's place.</param>
internal sealed record BackendList(string Path, EquatableArray<WeightedBackend> Backends, int? RequestPort, Func<EquatableArray<WeightedBackend>, MeshConfig> Replace)
{
    /// <summary>Every backend list of <paramref name="config"/>, in model order (redirecting rules have none).</summary>
    public static List<BackendList> Of(MeshConfig config)
    {
        var lists = new List<BackendList>();
        var resolver = new WorkloadResolver(config);
        for (var i = 0; i < config.Routes.Count; i++)
        {
            var route = config.Routes[i];
            var requestPort = resolver.HttpRequestPort(route.Host);
            for (var j = 0; j < route.Rules.Count; j++)
            {
                var rule = route.Rules[j];
                if (rule.Redirect is not null) continue;
                var (ri, rj) = (i, j);
                lists.Add(new BackendList($"$.spec.routes[{i}].rules[{j}]", rule.Backends, requestPort, backends =>
                    config with { Routes = SetAt(config.Routes, ri, route with { Rules = SetAt(route.Rules, rj, rule with { Backends = backends }) }) }));
            }
        }
        for (var i = 0; i < config.TcpRoutes.Count; i++)
        {
            var route = config.TcpRoutes[i];
            var ri = i;
            lists.Add(new BackendList($"$.spec.tcpRoutes[{i}]", route.Backends, route.Port, backends =>
                config with { TcpRoutes = SetAt(config.TcpRoutes, ri, route with { Backends = backends }) }));
        }
        return lists;
    }

    /// <summary><paramref name="items"/> with <paramref name="item"/> at <paramref name="index"/>.</summary>
    public static EquatableArray<T> SetAt<T>(EquatableArray<T> items, int index, T item) => [.. items.Select((x, k) => k == index ? item : x)];
}
