using Mesh.Collections;
using Mesh.Model;

namespace Mesh.Xds.Server.Tests.Feeding;

public sealed class XdsNodeConventionsTests
{
    private static XdsNode Node(string id, string userAgent = "envoy", Dictionary<string, string>? metadata = null) =>
        new() { Id = id, UserAgentName = userAgent, Metadata = metadata is null ? default : new EquatableMap<string>(metadata) };

    [Fact]
    public void GrpcUserAgent_IsAProxylessClient()
    {
        var proxy = XdsNodeConventions.ToProxy(Node("client-1", "gRPC Node", new() { ["NAMESPACE"] = "grpc" }));
        Assert.Equal(XdsProxyKind.ProxylessGrpc, proxy.Kind);
        Assert.Equal("grpc", proxy.Namespace);
        Assert.Equal("client-1", proxy.NodeId);
    }

    [Fact]
    public void ProxylessMetadata_IsAProxylessClient_WhateverItsUserAgent()
    {
        Assert.Equal(XdsProxyKind.ProxylessGrpc, XdsNodeConventions.ToProxy(Node("c", "my-client", new() { ["proxyless"] = "TRUE" })).Kind);
    }

    [Fact]
    public void Envoy_IsASidecar_WithServiceLabelsAndTheNamespaceOfAnIstioStyleNodeId()
    {
        var proxy = XdsNodeConventions.ToProxy(Node("sidecar~10.0.0.7~productpage-5d8f.bookinfo~bookinfo.svc.cluster.local", metadata: new()
        {
            ["SERVICE"] = "productpage.bookinfo",
            ["label.version"] = "v1",
            ["other"] = "x",
        }));
        Assert.Equal(XdsProxyKind.Sidecar, proxy.Kind);
        Assert.Equal("bookinfo", proxy.Namespace);
        Assert.Equal(new ServiceRef("productpage", "bookinfo"), proxy.Service);
        Assert.Equal(new EquatableMap<string>(new Dictionary<string, string> { ["version"] = "v1" }), proxy.Labels);
    }

    [Fact]
    public void GatewayMetadata_IsAGatewayProxy_OfThatGateway()
    {
        var proxy = XdsNodeConventions.ToProxy(Node("router~10.0.0.9~ingress-7c9.edge~edge.svc.cluster.local", metadata: new() { ["GATEWAY"] = "edge/public", ["label.istio"] = "ingressgateway" }));
        Assert.Equal(XdsProxyKind.Gateway, proxy.Kind);
        Assert.Equal("edge", proxy.Namespace);
        Assert.Equal("public", proxy.GatewayName);
        Assert.Equal(new EquatableMap<string>(new Dictionary<string, string> { ["istio"] = "ingressgateway" }), proxy.Labels);
        var byName = XdsNodeConventions.ToProxy(Node("g", metadata: new() { ["gateway"] = "internal", ["NAMESPACE"] = "ops" }));
        Assert.Equal(("ops", "internal"), (byName.Namespace, byName.GatewayName));
        Assert.NotEqual(XdsNodeConventions.ShapeOf(Node("a", metadata: new() { ["GATEWAY"] = "edge/public" })), XdsNodeConventions.ShapeOf(Node("b", metadata: new() { ["GATEWAY"] = "edge/private" })));
        Assert.Equal(XdsNodeConventions.ShapeOf(Node("a", metadata: new() { ["GATEWAY"] = "edge/public" })), XdsNodeConventions.ShapeOf(Node("b", metadata: new() { ["GATEWAY"] = "edge/public" })));
    }

    [Fact]
    public void NoNamespaceAnywhere_IsTheDefaultNamespace()
    {
        Assert.Equal(XdsNodeConventions.DefaultNamespace, XdsNodeConventions.ToProxy(Node("plain-id")).Namespace);
    }

    [Fact]
    public void ShapeOf_IsTheSameForClientsThatDifferOnlyInTheirId_AndDiffersOtherwise()
    {
        var a = XdsNodeConventions.ShapeOf(Node("a", "gRPC Node", new() { ["NAMESPACE"] = "grpc" }));
        var b = XdsNodeConventions.ShapeOf(Node("b", "gRPC Node", new() { ["NAMESPACE"] = "grpc" }));
        var other = XdsNodeConventions.ShapeOf(Node("c", "gRPC Node", new() { ["NAMESPACE"] = "web" }));
        var sidecar = XdsNodeConventions.ShapeOf(Node("d", "envoy", new() { ["NAMESPACE"] = "grpc" }));
        Assert.Equal(a, b);
        Assert.NotEqual(a, other);
        Assert.NotEqual(a, sidecar);
    }
}
