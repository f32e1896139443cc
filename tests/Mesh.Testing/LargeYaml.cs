using System.Globalization;
using System.Text;

namespace Mesh.Testing;

/// <summary>
/// Large, valid inputs of a given size, for measuring what reading them costs: a model of many services, each with two
/// subsets and a route splitting its traffic between them.
/// </summary>
public static class LargeYaml
{
    /// <summary>A valid model of about <paramref name="bytes"/> bytes (UTF-8, all ASCII): services and one route for each.</summary>
    /// <param name="bytes">The size wanted; the text is at most one service and route longer.</param>
    /// <param name="services">The number of services written.</param>
    /// <returns>The YAML text.</returns>
    public static string Model(long bytes, out int services)
    {
        var head = "kind: Mesh\nmetadata: { name: large }\nspec:\n  services:\n";
        var serviceList = new StringBuilder(head, (int)Math.Min(int.MaxValue, bytes + 1024));
        var routes = new StringBuilder("  routes:\n");
        services = 0;
        while (serviceList.Length + routes.Length < bytes)
        {
            var name = "service-" + services.ToString("D7", CultureInfo.InvariantCulture);
            var ns = "team-" + (services % 100).ToString("D3", CultureInfo.InvariantCulture);
            serviceList.Append("    - name: ").Append(name).Append("\n      namespace: ").Append(ns)
                .Append("\n      ports: [{ name: http, port: 8080, protocol: http }]\n      subsets: { v1: { version: v1 }, v2: { version: v2 } }\n");
            routes.Append("    - name: ").Append(name).Append("\n      namespace: ").Append(ns).Append("\n      host: ").Append(name).Append('.').Append(ns)
                .Append("\n      rules:\n        - backends: [{ service: ").Append(name).Append('.').Append(ns).Append(", subset: v1, weight: 90 }, { service: ")
                .Append(name).Append('.').Append(ns).Append(", subset: v2, weight: 10 }]\n");
            services++;
        }
        return serviceList.Append(routes).ToString();
    }
}
