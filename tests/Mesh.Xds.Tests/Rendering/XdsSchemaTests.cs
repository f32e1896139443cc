using Mesh.Xds.Rendering;
using Mesh.Xds.Tests.EnvoyApi;

namespace Mesh.Xds.Tests.Rendering;

/// <summary>The JSON renderer's schema against the oracle protos: the name it shows for a field number is that field's name.</summary>
public sealed class XdsSchemaTests
{
    private static readonly Dictionary<string, string> EnumNames = new(StringComparer.Ordinal)
    {
        ["ApiVersion"] = "envoy.config.core.v3.ApiVersion",
        ["DiscoveryType"] = "envoy.config.cluster.v3.Cluster.DiscoveryType",
        ["LbPolicy"] = "envoy.config.cluster.v3.Cluster.LbPolicy",
        ["HealthStatus"] = "envoy.config.core.v3.HealthStatus",
        ["TrafficDirection"] = "envoy.config.core.v3.TrafficDirection",
        ["DenominatorType"] = "envoy.type.v3.FractionalPercent.DenominatorType",
        ["RedirectResponseCode"] = "envoy.config.route.v3.RedirectAction.RedirectResponseCode",
        ["RbacAction"] = "envoy.config.rbac.v3.RBAC.Action",
        ["HeaderAppendAction"] = "envoy.config.core.v3.HeaderValueOption.HeaderAppendAction",
        ["SanType"] = "envoy.extensions.transport_sockets.tls.v3.SubjectAltNameMatcher.SanType",
        ["TlsRequirementType"] = "envoy.config.route.v3.VirtualHost.TlsRequirementType",
    };

    [Fact]
    public void EveryFieldName_IsTheProtoNameOfItsNumber()
    {
        var unknown = new List<string>();
        foreach (var (message, fields) in XdsSchema.Messages)
        {
            if (!OracleDescriptors.Messages.TryGetValue(message, out var descriptor))
            {
                unknown.Add(message);
                continue;
            }
            foreach (var spec in fields)
            {
                Assert.Equal((message, spec.Number, descriptor.FindFieldByNumber(spec.Number)?.Name), (message, spec.Number, spec.Name));
            }
        }
        Assert.Equal(["Empty"], unknown);
    }

    [Fact]
    public void EveryEnumName_IsTheProtoNameOfItsValue()
    {
        Assert.Equal(EnumNames.Keys.Order(StringComparer.Ordinal), XdsSchema.Enums.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, names) in XdsSchema.Enums)
        {
            var descriptor = OracleDescriptors.Enums[EnumNames[key]];
            foreach (var value in descriptor.Values) Assert.Equal((key, value.Number, value.Name), (key, value.Number, names[value.Number]));
            Assert.Equal(descriptor.Values.Max(v => v.Number) + 1, names.Length);
        }
    }
}
