using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Providers.GatewayApi.Export;

/// <summary>The state of one translation: options, the service index and the diagnostics raised so far.</summary>
internal sealed class ExportContext(GatewayApiOptions options, MeshConfig config, RouteDialect? dialect = null)
{
    /// <summary>What the target implementation supports.</summary>
    public RouteDialect Dialect { get; } = dialect ?? RouteDialect.GatewayApi;

    private Dictionary<ServiceRef, MeshService>? _services;

    public GatewayApiOptions Options { get; } = options;

    public List<Diagnostic> Diagnostics { get; } = [];

    /// <summary>The service named <paramref name="reference"/> (an indexed lookup; the first definition wins).</summary>
    public MeshService? FindService(ServiceRef reference)
    {
        if (_services is null)
        {
            _services = new Dictionary<ServiceRef, MeshService>(config.Services.Count);
            foreach (var service in config.Services) _services.TryAdd(service.Reference, service);
        }
        return _services.GetValueOrDefault(reference);
    }

    public void Unsupported(string path, string message) => Add(DiagnosticSeverity.Warning, DiagnosticCodes.Unsupported, path, message);

    public void Info(string path, string message) => Add(DiagnosticSeverity.Info, DiagnosticCodes.Approximated, path, message);

    public void Approximated(string path, string message) => Add(DiagnosticSeverity.Warning, DiagnosticCodes.Approximated, path, message);

    private void Add(DiagnosticSeverity severity, DiagnosticCode code, string path, string message) =>
        Diagnostics.Add(new Diagnostic { Severity = severity, Code = code, Path = path, Message = message, Provider = Dialect.ProviderId });
}
