using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Providers.Linkerd.Tests.Egress;

/// <summary>Outlier detection as Linkerd's failure accrual: reported with the exact annotations, read from Services.</summary>
public sealed class FailureAccrualTests
{
    private static readonly LinkerdTranslator Translator = new();

    [Fact]
    public void OutlierDetection_IsReportedWithTheAnnotationsToApply()
    {
        var model = new MeshConfig
        {
            Name = "m",
            Services = [new MeshService { Name = "web", Namespace = "shop", Ports = [new ServicePort { Port = 80, Protocol = Protocol.Http }] }],
            DestinationPolicies = [new DestinationPolicy { Target = new PolicyTarget { Service = new ServiceRef("web", "shop") }, OutlierDetection = new OutlierDetection { Consecutive5xx = 5, BaseEjectionTime = TimeSpan.FromSeconds(30), Interval = TimeSpan.FromSeconds(10) } }],
        };
        var result = Translator.Translate(model);
        var note = Assert.Single(result.Diagnostics, d => d.Path == "$.spec.destinationPolicies[0].outlierDetection");
        Assert.Equal(DiagnosticCodes.Approximated, note.Code);
        Assert.Contains("Service 'shop/web'", note.Message, StringComparison.Ordinal);
        Assert.Contains("balancer.linkerd.io/failure-accrual: \"consecutive\"", note.Message, StringComparison.Ordinal);
        Assert.Contains("balancer.linkerd.io/failure-accrual-consecutive-max-failures: \"5\"", note.Message, StringComparison.Ordinal);
        Assert.Contains("balancer.linkerd.io/failure-accrual-consecutive-min-penalty: \"30s\"", note.Message, StringComparison.Ordinal);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.destinationPolicies[0].outlierDetection.interval");
    }

    [Fact]
    public void ServiceAnnotations_AreImportedAsOutlierDetection()
    {
        var result = Translator.ImportYaml("""
            apiVersion: v1
            kind: Service
            metadata:
              name: web
              namespace: shop
              annotations:
                balancer.linkerd.io/failure-accrual: consecutive
                balancer.linkerd.io/failure-accrual-consecutive-max-failures: "5"
                balancer.linkerd.io/failure-accrual-consecutive-min-penalty: 30s
                balancer.linkerd.io/failure-accrual-consecutive-jitter-ratio: "0.5"
            spec:
              ports: [{ port: 80 }]
            """, "svc.yaml");
        var policy = Assert.Single(result.Config!.DestinationPolicies);
        Assert.Equal(new ServiceRef("web", "shop"), policy.Target.Service);
        Assert.Equal(new OutlierDetection { Consecutive5xx = 5, BaseEjectionTime = TimeSpan.FromSeconds(30) }, policy.OutlierDetection);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "svc.yaml#0 $.metadata.annotations['balancer.linkerd.io/failure-accrual-consecutive-jitter-ratio']");
        Assert.Contains(result.Diagnostics, d => d.Path.StartsWith("svc.yaml#0 $.spec", StringComparison.Ordinal));
    }

    [Fact]
    public void MaxFailures_DefaultsToLinkerdsSeven()
    {
        var result = Translator.ImportYaml("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations: { balancer.linkerd.io/failure-accrual: consecutive }\n", "svc.yaml");
        Assert.Equal(7, Assert.Single(result.Config!.DestinationPolicies).OutlierDetection!.Consecutive5xx);
    }

    [Fact]
    public void BadMaxFailures_IsAnErrorWithItsPath()
    {
        var result = Translator.ImportYaml("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations: { balancer.linkerd.io/failure-accrual: consecutive, balancer.linkerd.io/failure-accrual-consecutive-max-failures: lots }\n", "svc.yaml");
        Assert.Contains(result.Diagnostics, d => d.IsError && d.Path == "svc.yaml#0 $.metadata.annotations['balancer.linkerd.io/failure-accrual-consecutive-max-failures']");
    }
}
