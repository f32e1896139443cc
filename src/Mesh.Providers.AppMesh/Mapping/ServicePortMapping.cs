using Mesh.Model;
using Mesh.Providers.AppMesh.Translation;
using Mesh.Translation;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>
/// What the export does not carry of a service's ports: App Mesh listeners hold a port's number and protocol only; its name and
/// target port live in the Service, which is written for a service without subsets only with <see cref="ServiceOutput.All"/>
/// (a service with subsets has them on its leaf Services, written always).
/// </summary>
internal static class ServicePortMapping
{
    // Model → App Mesh.
    public static void Report(MeshConfig config, AppMeshExportContext ctx)
    {
        if (ctx.Options.ServiceOutput == ServiceOutput.All) return;
        for (var i = 0; i < config.Services.Count; i++)
        {
            var service = config.Services[i];
            if (!service.Subsets.IsEmpty || !service.Ports.Any(HasOwnNameOrTarget)) continue;
            ctx.Note($"$.spec.services[{i}].ports", $"The port names and target ports of '{service.Reference}' live in its Kubernetes Service, which this translation does not write (ServiceOutput.All writes it); App Mesh listeners carry only the port numbers and protocols.");
        }
    }

    /// <summary>A name or target port other than those derived from the number and protocol.</summary>
    private static bool HasOwnNameOrTarget(ServicePort port) =>
        (port.Name is { } name && name != $"{WireNames.Of(port.Protocol)}-{port.Port}") || port.EffectiveTargetPort != TargetPort.Of(port.Port);
}
