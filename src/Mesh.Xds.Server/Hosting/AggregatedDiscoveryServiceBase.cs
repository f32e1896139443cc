using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Mesh.Xds.Server.Protocol;

namespace Mesh.Xds.Server.Hosting;

/// <summary>
/// The binding of the hand-declared methods (<see cref="AdsMethods"/>), in the shape Grpc.Tools generates: grpc-dotnet
/// calls <see cref="BindService"/> and then binds each method to the override of the virtual handler of the same name.
/// </summary>
[BindServiceMethod(typeof(AggregatedDiscoveryServiceBase), nameof(BindService))]
internal abstract class AggregatedDiscoveryServiceBase
{
    public abstract Task StreamAggregatedResources(IAsyncStreamReader<DiscoveryRequest> requestStream, IServerStreamWriter<EncodedMessage> responseStream, ServerCallContext context);

    public abstract Task DeltaAggregatedResources(IAsyncStreamReader<DeltaDiscoveryRequest> requestStream, IServerStreamWriter<EncodedMessage> responseStream, ServerCallContext context);

    public static void BindService(ServiceBinderBase binder, AggregatedDiscoveryServiceBase? service)
    {
        ArgumentNullException.ThrowIfNull(binder);
        binder.AddMethod(AdsMethods.StreamAggregatedResources, service is null ? null : service.StreamAggregatedResources);
        binder.AddMethod(AdsMethods.DeltaAggregatedResources, service is null ? null : service.DeltaAggregatedResources);
    }
}
