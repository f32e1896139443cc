using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.Osm.Mapping;
using Mesh.Providers.Osm.Resources;
using static Mesh.Providers.Osm.Tests.Export.Models;
using TcpRoute = Mesh.Providers.Osm.Resources.TcpRoute;

namespace Mesh.Providers.Osm.Tests.Export;

/// <summary>Allow policies as TrafficTargets with HTTPRouteGroups and TCPRoutes; what SMI cannot say is reported.</summary>
public sealed class AccessExportTests
{
    private static readonly ServiceAccountRef Bookbuyer = new("bookbuyer", "bookbuyer");

    private static MeshConfig Allow(params AccessRule[] rules) => new()
    {
        Name = "access",
        Services = [BookstoreService() with { Ports = [Http(14001), Port(3306, Protocol.Tcp) with { TargetPort = 13306 }] }, Service("bookbuyer", "bookbuyer", Http(14001))],
        AccessPolicies = [new AccessPolicy { Name = "bookstore", Namespace = "bookstore", Target = new PolicyTarget { Service = Bookstore }, Action = AccessAction.Allow, Rules = [.. rules] }],
    };

    private static AccessRule From(AccessOperation? to = null) => new() { From = new AccessSource { ServiceAccounts = [Bookbuyer] }, To = to };

    [Fact]
    public void PathsAndMethods_BecomeAnHttpRouteGroupAllowedByATrafficTarget()
    {
        var export = new Exported(Allow(From(new AccessOperation { Methods = ["GET", "POST"], Paths = ["/books/*", "/health"] })));
        var target = export.Target("bookstore");
        Assert.Equal(("ServiceAccount", "bookstore", "bookstore"), (target.Spec.Destination!.Kind!, target.Spec.Destination.Name!, target.Spec.Destination.Namespace!));
        Assert.Equal(("ServiceAccount", "bookbuyer", "bookbuyer"), (target.Spec.Sources![0].Kind!, target.Spec.Sources[0].Name!, target.Spec.Sources[0].Namespace!));
        var rule = Assert.Single(target.Spec.Rules!);
        Assert.Equal(("HTTPRouteGroup", "bookstore"), (rule.Kind!, rule.Name!));
        Assert.Equal(["m0", "m1"], rule.Matches!);
        var group = Assert.Single(export.All<HttpRouteGroup>());
        Assert.Equal([@"/books/.*", "/health"], group.Spec.Matches!.Select(m => m.PathRegex));
        Assert.All(group.Spec.Matches!, m => Assert.Equal(["GET", "POST"], m.Methods!));
        Assert.Empty(export.All<TcpRoute>());
        Assert.Equal("bookstore/bookstore", target.Metadata.Annotations![OsmAnnotations.AccessPolicy]);
        Assert.Equal("0", target.Metadata.Annotations[OsmAnnotations.AccessRule]);
        Assert.Equal("bookstore", target.Metadata.Annotations[OsmAnnotations.Target]);
    }

    [Fact]
    public void ARuleWithoutOperation_AllowsEveryHttpRequestAndTheTcpTargetPorts()
    {
        var export = new Exported(Allow(From()));
        var target = export.Target("bookstore");
        Assert.Equal(["HTTPRouteGroup", "TCPRoute"], target.Spec.Rules!.Select(r => r.Kind));
        var match = Assert.Single(Assert.Single(export.All<HttpRouteGroup>()).Spec.Matches!);
        Assert.Null(match.PathRegex);
        Assert.Null(match.Methods);
        Assert.Equal([13306], Assert.Single(export.All<TcpRoute>()).Spec.Matches!.Ports!);
    }

    [Fact]
    public void PortsOnlyOfTcp_WriteOnlyATcpRoute()
    {
        var export = new Exported(Allow(From(new AccessOperation { Ports = [3306] })));
        Assert.Equal(["TCPRoute"], export.Target("bookstore").Spec.Rules!.Select(r => r.Kind));
        Assert.Empty(export.All<HttpRouteGroup>());
    }

    [Fact]
    public void SeveralRules_AreOneTrafficTargetEach()
    {
        var export = new Exported(Allow(From(new AccessOperation { Methods = ["GET"] }), From(new AccessOperation { Ports = [3306] })));
        Assert.Equal(["bookstore-r0", "bookstore-r1"], export.All<TrafficTarget>().Select(t => t.Metadata.Name));
    }

    [Fact]
    public void SourcesOtherThanServiceAccounts_AreReported()
    {
        var rule = new AccessRule { From = new AccessSource { ServiceAccounts = [Bookbuyer], Namespaces = ["shop"], Unauthenticated = true } };
        var export = new Exported(Allow(rule));
        foreach (var field in new[] { "namespaces", "unauthenticated" })
        {
            export.At(DiagnosticCodes.Unsupported, $"$.spec.accessPolicies[0].rules[0].from.{field}");
        }
        Assert.Single(export.All<TrafficTarget>());
    }

    [Fact]
    public void IpBlocks_AreAnIngressBackendToTheTargetPortsOfTheHttpPorts_AndReadBackAsAPolicyOfTheirOwn()
    {
        var rule = new AccessRule { From = new AccessSource { ServiceAccounts = [Bookbuyer], IpBlocks = ["10.0.0.0/8", "192.0.2.7"] } };
        var model = Allow(rule) with { Services = [BookstoreService() with { Ports = [Http(80) with { TargetPort = 8080 }, Port(3306, Protocol.Tcp) with { TargetPort = 13306 }] }, Service("bookbuyer", "bookbuyer", Http(14001))] };
        // Every Service written, so that the import knows which service port the backend's target port belongs to.
        var export = new Exported(model, new OsmOptions { ServiceOutput = Mesh.Translation.ServiceOutput.All });

        var ingress = Assert.Single(export.All<IngressBackend>());
        Assert.Equal(("bookstore", "bookstore"), (ingress.Metadata.Name, ingress.Metadata.NamespaceProperty));
        var backend = Assert.Single(ingress.Spec.Backends!);
        Assert.Equal(("bookstore", 8080, "http"), (backend.Name, backend.Port!.Number, backend.Port.Protocol));
        Assert.Equal([("IPRange", "10.0.0.0/8"), ("IPRange", "192.0.2.7")], ingress.Spec.Sources!.Select(x => (x.Kind, x.Name)));
        export.At(DiagnosticCodes.Approximated, "$.spec.accessPolicies[0].rules[0].from.ipBlocks");
        Assert.Contains(export.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.accessPolicies[0].rules[0].from.ipBlocks" && d.Message.Contains("tcp port 3306", StringComparison.Ordinal));
        Assert.Single(export.All<TrafficTarget>());

        // Read back: the service accounts stay the policy's, the IP blocks are a policy of their own, to the service port.
        var back = export.Translator.Import(export.Result.Resources).Config!;
        var ipPolicy = Assert.Single(back.AccessPolicies, p => p.Rules.Any(r => !r.From!.IpBlocks.IsEmpty));
        var ipRule = Assert.Single(ipPolicy.Rules);
        Assert.Equal(["10.0.0.0/8", "192.0.2.7"], ipRule.From!.IpBlocks);
        Assert.Equal([80], ipRule.To!.Ports);
    }

    [Fact]
    public void IpBlocks_OfARuleNamingMethodsOrPaths_AreNotWritten()
    {
        var rule = new AccessRule { From = new AccessSource { ServiceAccounts = [Bookbuyer], IpBlocks = ["10.0.0.0/8"] }, To = new AccessOperation { Methods = ["GET"] } };
        var export = new Exported(Allow(rule));
        Assert.Empty(export.All<IngressBackend>());
        Assert.Contains(export.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.accessPolicies[0].rules[0].from.ipBlocks" && d.Message.Contains("whatever the method", StringComparison.Ordinal));
        Assert.Single(export.All<TrafficTarget>());
    }

    [Fact]
    public void ARuleForAnyCaller_AndDenyPolicies_AndNamespaceWidePolicies_AreNotWritten()
    {
        var model = Allow(new AccessRule { To = new AccessOperation { Methods = ["GET"] } });
        model = model with
        {
            AccessPolicies =
            [
                .. model.AccessPolicies,
                new AccessPolicy { Name = "deny", Namespace = "bookstore", Target = new PolicyTarget { Service = Bookstore }, Action = AccessAction.Deny, Rules = [From()] },
                new AccessPolicy { Name = "ns", Namespace = "bookstore", Action = AccessAction.Allow, Rules = [From()] },
            ],
        };
        var export = new Exported(model);
        Assert.Empty(export.All<TrafficTarget>());
        export.At(DiagnosticCodes.Unsupported, "$.spec.accessPolicies[0].rules[0].from");
        export.At(DiagnosticCodes.Unsupported, "$.spec.accessPolicies[1].action");
        export.At(DiagnosticCodes.Unsupported, "$.spec.accessPolicies[2].target");
    }

    [Fact]
    public void MethodsOutsideTheEnum_AreReported()
    {
        var export = new Exported(Allow(From(new AccessOperation { Methods = ["GET", "PROPFIND"] })));
        Assert.Equal(["GET"], Assert.Single(Assert.Single(export.All<HttpRouteGroup>()).Spec.Matches!).Methods!);
        Assert.Contains("PROPFIND", export.At(DiagnosticCodes.Unsupported, "$.spec.accessPolicies[0].rules[0].to.methods").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASubsetTarget_IsApproximatedByTheServicesAccount()
    {
        var model = Allow(From());
        model = model with
        {
            Services = [model.Services[0] with { Subsets = [Version("v1")] }, model.Services[1]],
            AccessPolicies = [model.AccessPolicies[0] with { Target = new PolicyTarget { Service = Bookstore, Subset = "v1" } }],
        };
        var export = new Exported(model);
        Assert.Equal("bookstore/v1", export.Target("bookstore").Metadata.Annotations![OsmAnnotations.Target]);
        export.At(DiagnosticCodes.Approximated, "$.spec.accessPolicies[0].target.subset");
    }

    [Fact]
    public void ServicesNoPolicyProtects_AreReportedAsDeniedByOsm()
    {
        var export = new Exported(Allow(From()));
        Assert.Contains("bookbuyer.bookbuyer", export.At(DiagnosticCodes.Approximated, "$.spec.accessPolicies").Message, StringComparison.Ordinal);
        Assert.False(export.MeshConfig.Spec.Traffic!.EnablePermissiveTrafficPolicyMode);
    }

    [Theory]
    [InlineData("/a.b", @"/a\.b")]
    [InlineData("/api/*", "/api/.*")]
    [InlineData("*.js", @".*\.js")]
    [InlineData("*", ".*")]
    [InlineData("/x(y)", @"/x\(y\)")]
    public void PathPatterns_BecomeFullMatchRegexes(string pattern, string regex) => Assert.Equal(regex, PathRegex.Of(pattern));
}
