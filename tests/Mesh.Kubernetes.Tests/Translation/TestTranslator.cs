using System.Text.Json.Serialization;
using k8s;
using k8s.Models;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Translation;

namespace Mesh.Kubernetes.Tests.Translation;

/// <summary>A provider of one kind (<c>test.mesh/v1 Widget</c>) and core Services, built on the kit's shell as a real provider is.</summary>
internal sealed class TestTranslator(TestOptions options) : KubernetesTranslator<TestOptions>(options)
{
    public static readonly ProviderName Name = new("test");

    public static ResourceCatalog TestCatalog { get; } = new(
        new Dictionary<string, Type>(StringComparer.Ordinal)
        {
            ["test.mesh/v1/Widget"] = typeof(Widget),
            ["test.mesh/v1beta1/Widget"] = typeof(Widget),
            ["v1/Service"] = typeof(CoreService),
        },
        new Dictionary<Type, string> { [typeof(Widget)] = "test.mesh/v1", [typeof(CoreService)] = "v1" },
        new HashSet<string>(StringComparer.Ordinal) { "test.mesh" },
        "a test resource")
    {
        TypeInfoResolver = TestJsonContext.Default,
        OutOfScopeKinds = "gadgets",
        OutOfScopeFields = new Dictionary<string, string>(StringComparer.Ordinal) { ["gateways"] = "gateways are out of scope" },
    };

    public override ProviderName Provider => Name;

    public override ProviderCapabilities Capabilities => throw new NotSupportedException("not needed by these tests");

    protected override ResourceCatalog Catalog => TestCatalog;

    protected override (IReadOnlyList<object> Resources, IReadOnlyList<Diagnostic> Diagnostics) Export(MeshConfig config, LeafServicePlan leaves)
    {
        var ctx = new ExportContext(Provider, config);
        var widgets = new List<object>();
        for (var i = 0; i < config.Services.Count; i++)
        {
            var service = config.Services[i];
            widgets.Add(new Widget { Metadata = new V1ObjectMeta { Name = service.Name, NamespaceProperty = service.Namespace }, Spec = new WidgetSpec { Size = service.Ports.Count } });
            if (!service.Subsets.IsEmpty) ctx.Unsupported($"$.spec.services[{i}].subsets", "Widgets have no subsets.");
        }
        return (widgets, ctx.Diagnostics);
    }

    protected override ImportResult ImportResources(IReadOnlyList<(object Resource, string Source)> resources, ImportContext context, ImportOptions? options)
    {
        var services = new List<MeshService>();
        new ImportHandlers()
            .On<Widget>((widget, source) =>
            {
                context.ReportMetadata(widget.Metadata, source);
                services.Add(new MeshService { Name = context.NameOf(widget, source), Namespace = context.NamespaceOf(widget) });
            })
            .On<CoreService>((service, source) =>
            {
                context.ReportMetadata(service.Metadata, source);
                if (CoreServiceReader.Read(service, context.NameOf(service, source), context.NamespaceOf(service), source, context) is { } read) services.Add(read);
            })
            .Dispatch(resources, context, "a test resource");
        var config = new MeshConfig { Name = options?.ModelName ?? "imported", Services = [.. services] };
        return ImportResult.Create(config, context.Diagnostics, options);
    }
}

internal sealed record TestOptions : IKubernetesProviderOptions
{
    public string DefaultNamespace { get; init; } = "default";

    public ServiceOutput ServiceOutput { get; init; } = ServiceOutput.None;
}

[KubernetesEntity(Group = "test.mesh", ApiVersion = "v1", Kind = "Widget", PluralName = "widgets")]
internal sealed class Widget : KubernetesObject, IKubernetesObject<V1ObjectMeta>
{
    public Widget()
    {
        ApiVersion = "test.mesh/v1";
        Kind = "Widget";
    }

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public WidgetSpec? Spec { get; set; }
}

internal sealed class WidgetSpec
{
    [JsonPropertyName("size")]
    public int? Size { get; set; }
}

[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(Widget))]
[JsonSerializable(typeof(CoreService))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
