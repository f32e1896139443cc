using FluentValidation;
using Mesh.Model;

namespace Mesh.Validation;

/// <summary>
/// What cross-reference rules look up, built once per <see cref="MeshValidator.Validate"/> call and handed to every
/// child validator through FluentValidation's root context data.
/// </summary>
internal sealed class ValidationIndex
{
    private const string ContextKey = "Mesh.Validation.Index";

    private readonly Dictionary<ServiceRef, (HashSet<string> Subsets, HashSet<int> Ports)> _targets = [];
    private readonly Dictionary<ServiceRef, int[]> _httpPorts = [];
    private readonly HashSet<ServiceRef> _external = [];

    public ValidationIndex(MeshConfig config)
    {
        foreach (var service in config.Services)
        {
            if (service is null) continue;
            var key = new ServiceRef(service.Name, service.Namespace);
            if (_targets.ContainsKey(key)) continue;
            _targets[key] = (
                [.. service.Subsets.Where(s => s?.Name is not null).Select(s => s.Name)],
                [.. service.Ports.Where(p => p is not null).Select(p => p.Port)]);
            _httpPorts[key] = [.. service.Ports.Where(p => p?.Protocol is Protocol.Http or Protocol.Http2 or Protocol.Grpc).Select(p => p.Port)];
        }
        // External services are routable too (name.namespace, like any service), with the subsets of their endpoints.
        foreach (var external in config.ExternalServices)
        {
            if (external is null) continue;
            var key = new ServiceRef(external.Name, external.Namespace);
            if (_targets.ContainsKey(key)) continue;
            _external.Add(key);
            _targets[key] = (
                [.. external.Subsets.Where(s => s?.Name is not null).Select(s => s.Name)],
                [.. external.Ports.Where(p => p is not null).Select(p => p.Port)]);
            _httpPorts[key] = [.. external.Ports.Where(p => p?.Protocol is Protocol.Http or Protocol.Http2 or Protocol.Grpc).Select(p => p.Port)];
        }
    }

    public void Attach(IValidationContext context) => context.RootContextData[ContextKey] = this;

    public static ValidationIndex? Of(IValidationContext context) =>
        context.RootContextData.TryGetValue(ContextKey, out var value) ? value as ValidationIndex : null;

    public bool HasService(ServiceRef service) => _targets.ContainsKey(service);

    public bool HasSubset(ServiceRef service, string subset) => _targets.TryGetValue(service, out var t) && t.Subsets.Contains(subset);

    public bool HasPort(ServiceRef service, int port) => _targets.TryGetValue(service, out var t) && t.Ports.Contains(port);

    /// <summary>How many ports <paramref name="service"/> declares (0 when unknown).</summary>
    public int PortCount(ServiceRef service) => _targets.TryGetValue(service, out var t) ? t.Ports.Count : 0;

    /// <summary>The HTTP, HTTP/2 and gRPC ports of <paramref name="service"/> (the ports an HTTP route of it applies to).</summary>
    public IReadOnlyList<int> HttpPorts(ServiceRef service) => _httpPorts.TryGetValue(service, out var ports) ? ports : [];

    /// <summary>Whether <paramref name="service"/> is an external service (no workload of the mesh serves it).</summary>
    public bool IsExternal(ServiceRef service) => _external.Contains(service);

    /// <summary>Whether <paramref name="service"/> is declared with at least one port, of any protocol.</summary>
    public bool HasPorts(ServiceRef service) => _targets.TryGetValue(service, out var t) && t.Ports.Count > 0;
}
