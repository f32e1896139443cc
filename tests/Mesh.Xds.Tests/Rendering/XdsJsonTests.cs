using System.Text.Json;
using static Mesh.Xds.Tests.Samples;

namespace Mesh.Xds.Tests.Rendering;

public sealed class XdsJsonTests
{
    [Fact]
    public void Render_ShowsEveryResponseWithDecodedAnys()
    {
        using var json = JsonDocument.Parse(Build().ToJson());
        var root = json.RootElement;
        Assert.Equal(["lds", "rds", "cds", "eds"], root.EnumerateObject().Select(p => p.Name));
        var cluster = root.GetProperty("cds").GetProperty("resources")[6];
        Assert.Equal("type.googleapis.com/envoy.config.cluster.v3.Cluster", cluster.GetProperty("@type").GetString());
        Assert.Equal("outbound|9080||reviews.bookinfo.svc.cluster.local", cluster.GetProperty("name").GetString());
        Assert.Equal("EDS", cluster.GetProperty("type").GetString());
        Assert.Equal("RING_HASH", cluster.GetProperty("lb_policy").GetString());
        Assert.Equal("1.5s", cluster.GetProperty("connect_timeout").GetString());
        Assert.Equal(100, cluster.GetProperty("circuit_breakers").GetProperty("thresholds")[0].GetProperty("max_connections").GetInt32());
        var listener = root.GetProperty("lds").GetProperty("resources")[1];
        var hcm = listener.GetProperty("filter_chains")[0].GetProperty("filters")[0].GetProperty("typed_config");
        Assert.Equal("9080", hcm.GetProperty("rds").GetProperty("route_config_name").GetString());
        Assert.Equal("envoy.filters.http.router", hcm.GetProperty("http_filters")[1].GetProperty("name").GetString());
        var route = root.GetProperty("rds").GetProperty("resources")[1].GetProperty("virtual_hosts")[1].GetProperty("routes")[1];
        Assert.Equal([503], route.GetProperty("route").GetProperty("retry_policy").GetProperty("retriable_status_codes").EnumerateArray().Select(e => e.GetInt32()));
        var endpoint = root.GetProperty("eds").GetProperty("resources")[5].GetProperty("endpoints")[0].GetProperty("lb_endpoints")[1];
        Assert.Equal("UNHEALTHY", endpoint.GetProperty("health_status").GetString());
    }

    [Fact]
    public void Render_ShowsInboundRbacAndTls()
    {
        var config = Bookinfo(strictMtls: true) with
        {
            AccessPolicies = [new Mesh.Model.AccessPolicy { Name = "p", Namespace = "bookinfo", Action = Mesh.Model.AccessAction.Deny, Rules = [new Mesh.Model.AccessRule { From = new Mesh.Model.AccessSource { IpBlocks = ["10.0.0.0/8"] } }] }],
        };
        var snapshot = Build(config, proxy: XdsProxy.Sidecar("n", "bookinfo", Reviews));
        using var json = JsonDocument.Parse(snapshot.ToJson());
        var inbound = json.RootElement.GetProperty("lds").GetProperty("resources").EnumerateArray().Single(l => l.GetProperty("name").GetString() == "virtualInbound");
        var chain = inbound.GetProperty("filter_chains")[0];
        Assert.Equal(9080, chain.GetProperty("filter_chain_match").GetProperty("destination_port").GetInt32());
        Assert.True(chain.GetProperty("transport_socket").GetProperty("typed_config").GetProperty("require_client_certificate").GetBoolean());
        var rbac = chain.GetProperty("filters")[0].GetProperty("typed_config").GetProperty("http_filters")[0].GetProperty("typed_config").GetProperty("rules");
        Assert.Equal("DENY", rbac.GetProperty("action").GetString());
        var policy = rbac.GetProperty("policies")[0];
        Assert.Equal("bookinfo/p/0", policy.GetProperty("key").GetString());
        Assert.Equal(8, policy.GetProperty("value").GetProperty("principals")[0].GetProperty("or_ids").GetProperty("ids")[0].GetProperty("direct_remote_ip").GetProperty("prefix_len").GetInt32());
    }

    [Fact]
    public void Render_NeverThrowsOnGarbage()
    {
        var text = XdsJson.RenderDiscoveryResponse([0x12, 0xFF, 0x01, 0x02]);
        using var json = JsonDocument.Parse(text);
        Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
    }
}
