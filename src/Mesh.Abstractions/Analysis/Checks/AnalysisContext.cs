using Mesh.Collections;
using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Analysis.Checks;

/// <summary>What every check reads (the model, its services by reference) and where it writes its findings.</summary>
internal sealed class AnalysisContext
{
    private readonly Dictionary<ServiceRef, MeshService> _services = [];

    public AnalysisContext(MeshConfig config)
    {
        Config = config;
        foreach (var service in config.Services)
        {
            if (service is not null) _services.TryAdd(service.Reference, service);
        }
    }

    public MeshConfig Config { get; }

    public List<Diagnostic> Findings { get; } = [];

    public MeshService? Service(ServiceRef reference) => _services.GetValueOrDefault(reference);

    /// <summary>The labels of the pods a backend reaches (selector ∪ subset labels), or null when the model cannot say.</summary>
    public Workload? Workload(ServiceRef service, string? subset) =>
        Service(service)?.WorkloadLabels(subset) is { } labels ? new Workload(service.Namespace, labels) : null;

    public void Warning(DiagnosticCode code, string path, string message) =>
        Findings.Add(new Diagnostic { Severity = DiagnosticSeverity.Warning, Code = code, Path = path, Message = message });

    /// <summary>The non-null items of a list with their indexes (an invalid model may hold nulls; the validator reports them).</summary>
    public static IEnumerable<(int Index, T Item)> Items<T>(EquatableArray<T> items)
        where T : class
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is { } item) yield return (i, item);
        }
    }
}
