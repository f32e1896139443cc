using Mesh.Xds.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Mesh.Xds.Server;

/// <summary>Maps the ADS service into an ASP.NET Core app.</summary>
public static class XdsServerEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>envoy.service.discovery.v3.AggregatedDiscoveryService</c> (<c>StreamAggregatedResources</c> and
    /// <c>DeltaAggregatedResources</c>). The endpoint needs HTTP/2 (gRPC); configure Kestrel accordingly.
    /// </summary>
    /// <param name="endpoints">The app's endpoints.</param>
    /// <returns>A builder to add conventions (authorization, host filtering) to the service's endpoints.</returns>
    public static GrpcServiceEndpointConventionBuilder MapXdsServer(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapGrpcService<AggregatedDiscoveryService>();
    }
}
