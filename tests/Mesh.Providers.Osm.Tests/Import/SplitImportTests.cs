using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Validation;
using static Mesh.Providers.Osm.Tests.Import.ImportYaml;

namespace Mesh.Providers.Osm.Tests.Import;

/// <summary>TrafficSplits → routes with weighted backends; leaf Services folded back into subsets; overlapping splits.</summary>
public sealed class SplitImportTests
{
    private static readonly ServiceRef BookstoreRef = new("bookstore", "bookstore");

    [Fact]
    public void Split_IsARouteOfTheRoot_WithItsWeights_LeafServicesFoldedStructurally()
    {
        var result = ReadValid(Bookstore + Split("bookstore-split", "bookstore.bookstore.svc.cluster.local", "[{ service: bookstore-v1, weight: 75 }, { service: bookstore-v2, weight: 25 }]"));
        var route = Assert.Single(result.Config!.Routes);
        Assert.Equal(("bookstore-split", "bookstore"), (route.Name, route.Namespace));
        Assert.Equal(BookstoreRef, route.Host);
        var backends = Assert.Single(route.Rules).Backends;
        Assert.Equal([("v1", 75), ("v2", 25)], backends.Select(b => (b.Subset!, b.Weight)));
        Assert.All(backends, b => Assert.Equal(BookstoreRef, b.Service));
        var bookstore = Assert.Single(result.Config.Services, s => s.Name == "bookstore");
        Assert.Equal("v1", bookstore.FindSubset("v1")!.Labels["version"]);
        Assert.DoesNotContain(result.Config.Services, s => s.Name == "bookstore-v1");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.SubsetFolded);
        Assert.DoesNotContain(MeshValidator.Validate(result.Config), d => d.IsError);
    }

    [Fact]
    public void ShortServiceName_IsInTheSplitsNamespace()
    {
        var result = ReadValid(Bookstore + Split("s", "bookstore", "[{ service: bookstore-v1, weight: 1 }]"));
        Assert.Equal(BookstoreRef, Assert.Single(result.Config!.Routes).Host);
    }

    [Fact]
    public void TcpAnnotation_MakesATcpRoute_WithItsPort()
    {
        var result = ReadValid(Service("db", "data", "app: db", 3306, "tcp") + Service("db-v2", "data", "app: db, version: v2", 3306, "tcp")
            + Split("db-split", "db.data.svc.cluster.local", "[{ service: db, weight: 90 }, { service: db-v2, weight: 10 }]", "data", """
            , annotations: { mesh-sdk.io/route-kind: tcp, mesh-sdk.io/tcp-port: "3306" }
            """));
        Assert.Empty(result.Config!.Routes);
        var tcp = Assert.Single(result.Config.TcpRoutes);
        Assert.Equal(3306, tcp.Port);
        Assert.Equal([(null, 90), ("v2", 10)], tcp.Backends.Select(b => (b.Subset, b.Weight)));
    }

    [Fact]
    public void RouteNamespaceAnnotation_PlacesTheRoute()
    {
        var result = ReadValid(Bookstore + Split("s", "bookstore", "[{ service: bookstore-v1, weight: 1 }]", annotations: ", annotations: { mesh-sdk.io/route-namespace: bookbuyer }"));
        Assert.Equal("bookbuyer", Assert.Single(result.Config!.Routes).Namespace);
    }

    [Fact]
    public void OverlappingSplits_TheFirstIsKept_TheOtherReportedNamingIt()
    {
        var result = ReadValid(Bookstore
            + Split("b-split", "bookstore", "[{ service: bookstore-v2, weight: 1 }]")
            + Split("a-split", "bookstore.bookstore", "[{ service: bookstore-v1, weight: 1 }]"));
        var route = Assert.Single(result.Config!.Routes);
        Assert.Equal("a-split", route.Name);
        var reported = At(result, "#4 $.spec");
        Assert.Equal(DiagnosticCodes.FieldNotImported, reported.Code);
        Assert.Equal(DiagnosticSeverity.Warning, reported.Severity);
        Assert.Contains("bookstore/a-split", reported.Message, StringComparison.Ordinal);
        Assert.Contains("undefined", reported.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SplitWithoutTraffic_IsReported()
    {
        var result = ReadValid(Bookstore + Split("s", "bookstore", "[{ service: bookstore-v1, weight: 0 }]"));
        Assert.Empty(result.Config!.Routes);
        Assert.Equal(DiagnosticCodes.FieldNotImported, At(result, "#4 $.spec.backends").Code);
    }

    [Fact]
    public void BadServiceAndWeight_AreErrors_AndNoModel()
    {
        var result = Read(Split("s", "\"not a host!\"", "[{ service: v1, weight: -1 }]"));
        Assert.True(result.HasErrors);
        Assert.Null(result.Config);
        Assert.Equal(DiagnosticCodes.InvalidResource, At(result, "#0 $.spec.service").Code);
    }

    [Fact]
    public void BackendWithoutAService_IsDeclaredByCompletion()
    {
        var result = ReadValid(Split("s", "bookstore", "[{ service: bookstore-v1, weight: 1 }]"));
        Assert.Contains(result.Config!.Services, s => s.Name == "bookstore");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.ServiceInferred);
        Assert.DoesNotContain(MeshValidator.Validate(result.Config), d => d.IsError);
    }

    [Fact]
    public void Export_ThenImport_GivesBackTheSplit()
    {
        var model = Export.Models.Routed(Export.Models.Rule(Export.Models.To(BookstoreRef, "v1", 90), Export.Models.To(BookstoreRef, "v2", 10)));
        var translator = new OsmTranslator(new OsmOptions { ServiceOutput = Mesh.Translation.ServiceOutput.All });
        var yaml = translator.WriteYaml(translator.Translate(model).Resources);
        var back = translator.ImportYaml(yaml, "back.yaml");
        Assert.False(back.HasErrors, string.Join("\n", back.Diagnostics));
        Assert.DoesNotContain(back.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Equal(model.Normalize().Routes, back.Config!.Routes);
        Assert.Equal(model.Normalize().Services, back.Config.Services);
    }

    [Fact]
    public void LeafServicesOnly_DeclareTheirParentFromTheAnnotation_AndFoldBack()
    {
        var model = Export.Models.Routed(Export.Models.Rule(Export.Models.To(BookstoreRef, "v1", 90), Export.Models.To(BookstoreRef, "v2", 10)));
        var translator = new OsmTranslator();
        var back = translator.ImportYaml(translator.WriteYaml(translator.Translate(model).Resources), "back.yaml");
        Assert.False(back.HasErrors, string.Join("\n", back.Diagnostics));
        var bookstore = Assert.Single(back.Config!.Services, s => s.Name == "bookstore");
        Assert.Equal(model.Normalize().Services.Single(s => s.Name == "bookstore"), bookstore);
        Assert.Equal(model.Normalize().Routes, back.Config.Routes);
        Assert.Contains(back.Diagnostics, d => d.Code == DiagnosticCodes.ServiceInferred && d.Path.StartsWith("back.yaml#", StringComparison.Ordinal));
    }
}
