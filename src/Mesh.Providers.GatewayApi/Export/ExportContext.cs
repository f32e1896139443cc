using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Providers.GatewayApi.Export;

/// <summary>The state of one translation: options, the service index and the diagnostics raised so far.</summary>
internal sealed class ExportContext(GatewayApiOptions options, MeshConfig config, RouteDialect? dialect = null)
{
    /// <summary>What the target implementation supports.</summary>
    public RouteDialect Dialect { get; } = dialect ?? RouteDialect.GatewayApi;

    private Dictionary<ServiceRef, MeshService>? _services;

    private readonly Dictionary<string, string> _messages = new(StringComparer.Ordinal);

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

    private void Add(DiagnosticSeverity severity, DiagnosticCode code, string path, string message)
    {
        // A large model repeats a handful of messages thousands of times (the same limitation on every service): the
        // diagnostics keep one instance of each text, so what a translation retains is mostly its resources.
        if (_messages.TryGetValue(message, out var shared)) message = shared;
        else _messages.Add(message, message);
        Diagnostics.Add(new Diagnostic { Severity = severity, Code = code, Path = path, Message = message, Provider = Dialect.ProviderId });
    }
}
