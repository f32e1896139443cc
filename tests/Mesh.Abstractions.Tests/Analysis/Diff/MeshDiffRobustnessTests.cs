using Mesh.Analysis;
using Mesh.Model;
using Mesh.Serialization;

namespace Mesh.Abstractions.Tests.Analysis.Diff;

/// <summary><see cref="MeshDiff.Compare"/> on models validation would reject: it reports what differs and never throws.</summary>
public class MeshDiffRobustnessTests
{
    private static MeshConfig Sample()
    {
        var read = MeshYaml.Read(File.ReadAllText(Path.Combine(Mesh.Testing.TestPaths.RepoRoot, "samples", "bookinfo.mesh.yaml")));
        return read.Config!;
    }

    /// <summary>Models validation rejects: duplicates, references to nothing, values out of range, empty parts (every member set to a value of its type: nulls where the types allow none and undefined enum values are programmer errors).</summary>
    public static TheoryData<string> Broken => [.. BrokenModels().Keys];

    private static Dictionary<string, MeshConfig> BrokenModels()
    {
        var s = Sample();
        return new()
        {
            ["empty"] = new MeshConfig { Name = "" },
            ["duplicates"] = s with { Services = [.. s.Services, .. s.Services], AccessPolicies = [.. s.AccessPolicies, .. s.AccessPolicies], Mtls = [.. s.Mtls, .. s.Mtls] },
            ["references to nothing"] = s with
            {
                Routes = [s.Routes[0] with { Host = default, Rules = [new HttpRouteRule { Backends = [new WeightedBackend { Service = default, Subset = "nope", Weight = -3 }] }] }],
                TcpRoutes = [s.TcpRoutes[0] with { Backends = [new WeightedBackend { Service = new("ghost", "nowhere"), Weight = 0 }] }],
                DestinationPolicies = [new DestinationPolicy { Target = new PolicyTarget { Service = default, Subset = "v9" }, LoadBalancer = new LoadBalancer(LoadBalancerAlgorithm.ConsistentHash) }],
            },
            ["values out of range"] = s with
            {
                Services = [s.Services[0] with { Ports = [new ServicePort { Port = 0, Protocol = Protocol.Tls }, new ServicePort { Port = -1, Protocol = Protocol.Http, TargetPort = TargetPort.Named("") }] }],
                Mtls = [new MtlsPolicy { Scope = new MtlsScope { Namespace = "", Port = 70000 }, Mode = MtlsMode.Disabled }],
                ExternalServices = [s.ExternalServices[0] with { Hosts = [""] }],
            },
            ["access rules with empty parts"] = s with
            {
                AccessPolicies = [s.AccessPolicies[0] with { Target = null, Rules = [new AccessRule { From = new AccessSource { ServiceAccounts = [default] }, To = new AccessOperation { Methods = [""] } }] }],
            },
            ["routes without rules or backends"] = s with { Routes = [s.Routes[0] with { Rules = [] }, s.Routes[1] with { Rules = [new HttpRouteRule()] }] },
        };
    }

    [Theory]
    [MemberData(nameof(Broken))]
    public void ABrokenModel_ComparesWithTheSample_BothWays_WithoutThrowing(string name)
    {
        var broken = BrokenModels()[name];
        var sample = Sample();

        var forth = MeshDiff.Compare(sample, broken);
        var back = MeshDiff.Compare(broken, sample);
        var self = MeshDiff.Compare(broken, broken);

        Assert.True(forth.HasChanges);
        Assert.True(back.HasChanges);
        Assert.False(self.HasChanges, self.ToString());
        Assert.All(forth.Changes.Concat(back.Changes), c => Assert.False(string.IsNullOrEmpty(c.ToString())));
    }
}
