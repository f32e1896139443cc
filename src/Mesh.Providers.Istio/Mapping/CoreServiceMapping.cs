using Mesh.Translation;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Istio.Translation;

namespace Mesh.Providers.Istio.Mapping;

/// <summary>
/// Core <c>v1</c> Services → model services (the kit's <see cref="CoreServiceReader"/>: selector, ports with their names,
/// target ports and protocols — <c>appProtocol</c>, else the port name's prefix, as Istio selects them). A service the
/// DestinationRules imply keeps its subsets and takes the Service's selector and ports; ports a route names but the Service
/// lacks are added after the import (<see cref="ImportCompletion"/>). Written by the translator shell
/// (<see cref="CoreServiceWriter"/>) when <see cref="IstioOptions.ServiceOutput"/> asks for Services.
/// </summary>
internal static class CoreServiceMapping
{
    /// <summary>The annotation read (by <see cref="ServiceFolding"/>): a leaf Service names the subset it stands for.</summary>
    private static readonly IReadOnlySet<string> Carried = new HashSet<string>(StringComparer.Ordinal) { LeafServiceLabels.SubsetOf, LeafServiceLabels.ParentSelector };

    public static void ToModel(CoreService service, string source, ModelBuilder model, IstioImportContext ctx)
    {
        ctx.ReportMetadata(service.Metadata, source, Carried);
        var name = ctx.NameOf(service, source);
        var ns = ctx.NamespaceOf(service);
        if (CoreServiceReader.Read(service, name, ns, source, ctx) is not { } read) return;
        var key = ns + "/" + name;
        if (!model.ReadServices.Add(key))
        {
            ctx.NotImported(source, "$", $"Service '{name}.{ns}' is defined twice in the input; this definition was not imported.");
            return;
        }
        model.Services[key] = model.Services.TryGetValue(key, out var implied)
            ? implied with { Selector = read.Selector, Ports = read.Ports }
            : read;
    }
}
