using Mesh.Providers.Consul.Translation;

namespace Mesh.Providers.Consul.Mapping;

/// <summary>On Community Edition every config entry lands in one Consul namespace: services of the same name in two Kubernetes namespaces share one identity and one set of entries.</summary>
internal static class NameCollisions
{
    public static void Report(ConsulExportContext ctx)
    {
        if (ctx.Enterprise) return;
        var services = ctx.Config.Services;
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < services.Count; i++)
        {
            if (seen.TryGetValue(services[i].Name, out var ns) && ns != services[i].Namespace)
            {
                ctx.ApproximatedOnce($"$.spec.services[{i}]", ctx.Message("Consul Community Edition has one namespace: the entries of service '{0}' collide with those of the same name in another namespace (use ConsulEdition.Enterprise with namespace mirroring).", services[i].Name));
            }
            else seen.TryAdd(services[i].Name, services[i].Namespace);
        }
    }
}
