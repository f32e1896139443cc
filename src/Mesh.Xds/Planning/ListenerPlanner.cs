namespace Mesh.Xds.Planning;

/// <summary>
/// Plans the outbound listeners, one per route configuration: a sidecar's <c>0.0.0.0_&lt;port&gt;</c>, or a
/// proxyless client's <c>api_listener</c> named like its route configuration (the <c>xds:///</c> target).
/// </summary>
internal static class ListenerPlanner
{
    public static ListenerPlan[] Listeners(PlanContext context, RouteConfigPlan[] routeConfigs)
    {
        var result = new List<ListenerPlan>(routeConfigs.Length);
        foreach (var config in routeConfigs)
        {
            if (context.Proxyless)
            {
                result.Add(new ListenerPlan(config.Name, config.VirtualHosts[0].Port, true, config.Name, config.UsesFault, config.Name));
            }
            else
            {
                var port = config.VirtualHosts[0].Port;
                var name = ResourceNames.OutboundListener(port);
                result.Add(new ListenerPlan(name, port, false, config.Name, config.UsesFault, ResourceNames.OutboundStatPrefix(name)));
            }
        }
        result.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return [.. result];
    }
}
