using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.AppMesh.Mapping;
using Mesh.Translation;

namespace Mesh.Providers.AppMesh.Translation;

/// <summary>
/// The state of one translation to App Mesh: the kit's <see cref="ExportContext"/> with the options and the node plan. A model
/// rule is written once per match and router port, so the mappings raise their diagnostics through the <c>…Once</c> methods:
/// one diagnostic per path and message, however many App Mesh routes or listeners repeat the cause.
/// </summary>
internal sealed class AppMeshExportContext(AppMeshOptions options, MeshConfig config) : ExportContext(ProviderName.AppMesh, config)
{
    private readonly HashSet<(char Kind, string Path, string Message)> _raised = [];

    public AppMeshOptions Options { get; } = options;

    /// <summary>The virtual nodes of the translation (set once the external services are planned).</summary>
    public NodePlan Plan { get; set; } = NodePlan.Empty;

    /// <summary>The cluster FQDN of <paramref name="service"/> with the configured cluster domain.</summary>
    public string Fqdn(ServiceRef service) => service.ToFqdn(Options.ClusterDomain);

    public void UnsupportedOnce(string path, string message)
    {
        if (_raised.Add(('U', path, message))) Unsupported(path, message);
    }

    public void ApproximatedOnce(string path, string message)
    {
        if (_raised.Add(('A', path, message))) Approximated(path, message);
    }

    public void RoundedOnce(string path, string message)
    {
        if (_raised.Add(('R', path, message))) Rounded(path, message);
    }

    public void NoteOnce(string path, string message)
    {
        if (_raised.Add(('N', path, message))) Note(path, message);
    }
}
