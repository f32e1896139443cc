using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Providers.Istio.Export;

/// <summary>The state of one translation: options and the diagnostics raised so far.</summary>
internal sealed class ExportContext(IstioOptions options, MeshConfig config)
{
    private Dictionary<ServiceRef, MeshService>? _services;
    private readonly Dictionary<ServiceRef, string> _fqdns = [];

    public IstioOptions Options { get; } = options;

    /// <summary>The FQDN of <paramref name="service"/>, computed once per translation.</summary>
    public string Fqdn(ServiceRef service)
    {
        if (!_fqdns.TryGetValue(service, out var fqdn))
        {
            fqdn = Mapping.IstioHosts.Fqdn(service, Options);
            _fqdns[service] = fqdn;
        }
        return fqdn;
    }

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

    public List<Diagnostic> Diagnostics { get; } = [];

    public void Unsupported(string path, string message) =>
        Diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.Unsupported, path, message) with { Provider = IstioTranslator.ProviderId });

    public void Approximated(string path, string message) =>
        Diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.Approximated, path, message) with { Provider = IstioTranslator.ProviderId });

    public void Rounded(string path, string message) =>
        Diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.WeightsRounded, path, message) with { Provider = IstioTranslator.ProviderId });

    public void Info(string path, string message) =>
        Diagnostics.Add(Diagnostic.Info(DiagnosticCodes.Unsupported, path, message) with { Provider = IstioTranslator.ProviderId });
}
