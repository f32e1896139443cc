using System.Globalization;
using Mesh.Model;

namespace Mesh.Providers.GatewayApi.Tests.Export;

/// <summary>
/// Output order is ordinal by namespace and name, whatever the current culture. Upper-case names tell the orders apart but
/// are no valid model (Translate refuses it), so the export is called directly.
/// </summary>
public sealed class ResourceOrderTests
{
    [Fact]
    public void Routes_AreOrderedOrdinally_NotByTheCurrentCulture()
    {
        // Ordinally "Zed" < "alpha" (upper case first); a linguistic comparison puts "alpha" first.
        var model = new MeshConfig
        {
            Name = "order",
            Routes = [Route("web", "alpha"), Route("web", "Zed"), Route("api", "Zed")],
        };
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
            var names = Translation.GatewayApiExport.ToGatewayApi(model, new GatewayApiOptions(), leaves: null).Resources
                .Cast<Resources.HttpRoute>().Select(r => $"{r.Metadata.NamespaceProperty}/{r.Metadata.Name}").ToList();
            Assert.Equal(["Zed/api", "Zed/web", "alpha/web"], names);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    private static HttpRoute Route(string name, string ns) => new()
    {
        Name = name,
        Namespace = ns,
        Host = new ServiceRef(name, ns),
        Rules = [new HttpRouteRule { Backends = [new WeightedBackend { Service = new ServiceRef(name, ns), Port = 80 }] }],
    };
}
