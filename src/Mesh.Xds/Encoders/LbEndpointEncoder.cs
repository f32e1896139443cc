using Mesh.Xds.EnvoyApi;
using Mesh.Xds.Wire;

namespace Mesh.Xds.Encoders;

/// <summary>
/// One <c>endpoint.v3.LbEndpoint</c> as field 2 of its <c>LocalityLbEndpoints</c> (tag and length included), so that
/// an endpoint list can hold its endpoints pre-encoded and load assignments copy them. Leaf messages with lengths
/// computed here: lb_endpoints &gt; endpoint &gt; address &gt; socket_address.
/// </summary>
internal readonly struct LbEndpointEncoder(byte[] address, ulong port, EndpointHealth health, int weight) : IMessageEncoder
{
    public void Encode<TSink>(ref TSink s) where TSink : IProtoSink, allows ref struct
    {
        var socketAddress = (address.Length == 0 ? 0 : Fields.LengthField(address.Length)) + Fields.VarintField(port);
        var addressLength = Fields.LengthField(socketAddress);
        var endpointLength = Fields.LengthField(addressLength);
        var endpointWeight = (ulong)Math.Max(0, weight);
        s.Known(LocalityLbEndpointsFields.LbEndpoints, Fields.LengthField(endpointLength) + Fields.VarintField((ulong)health) + Fields.LengthField(Fields.VarintField(endpointWeight)));
        s.Known(LbEndpointFields.Endpoint, endpointLength);
        s.Known(EndpointFields.Address, addressLength);
        s.Known(AddressFields.SocketAddress, socketAddress);
        s.Bytes(SocketAddressFields.Address, address);
        s.Varint(SocketAddressFields.PortValue, port);
        s.Varint(LbEndpointFields.HealthStatus, (ulong)health); // EndpointHealth has core.v3.HealthStatus's values
        Fields.UInt32Value(ref s, LbEndpointFields.LoadBalancingWeight, weight);
    }
}
