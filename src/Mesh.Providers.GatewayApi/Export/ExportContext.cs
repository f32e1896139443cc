using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Providers.GatewayApi.Export;

/// <summary>The state of one translation: options, the service index and the diagnostics raised so far.</summary>
internal sealed class ExportContext(GatewayApiOptions options, MeshConfig config, RouteDialect? dialect = null)
{
    /// <summary>What the target implementation supports.</summary>
    public RouteDialect Dialect { get; } = dialect ?? RouteDialect.GatewayApi;

    private Dictionary<ServiceRef, MeshService>? _services;

    private readonly MessageCache<(string Template, string Argument)> _formatted = new();

    /// <summary>The message of a backend written with its service's only port, once per service and port.</summary>
    public MessageCache<(ServiceRef Service, int Port)> OnlyPortMessages { get; } = new();

    /// <summary>
    /// <paramref name="template"/> with <paramref name="argument"/> in place of <c>{0}</c>, formatted once per translation:
    /// messages that repeat on every service (a subset, a filter, a service's port) are built once, not per occurrence.
    /// </summary>
    public string Message(string template, string argument) =>
        _formatted.Get((template, argument), static k => string.Format(System.Globalization.CultureInfo.InvariantCulture, k.Template, k.Argument));

    public GatewayApiOptions Options { get; } = options;

    public ChunkedList<Diagnostic> Diagnostics { get; } = new();

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
