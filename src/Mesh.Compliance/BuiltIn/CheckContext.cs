using Mesh.Collections;
using Mesh.Model;

namespace Mesh.Compliance.BuiltIn;

/// <summary>What the built-in checks read: the model, its services by reference, its namespaces with services.</summary>
internal sealed class CheckContext
{
    private readonly Dictionary<ServiceRef, MeshService> _services = [];

    public CheckContext(MeshConfig config)
    {
        Config = config;
        foreach (var (i, service) in Items(config.Services))
        {
            _services.TryAdd(service.Reference, service);
            if (!ServiceNamespaces.ContainsKey(service.Namespace)) ServiceNamespaces[service.Namespace] = i;
        }
    }

    public MeshConfig Config { get; }

    /// <summary>Each namespace that has services, with the index of its first service (ordinal order).</summary>
    public SortedDictionary<string, int> ServiceNamespaces { get; } = new(StringComparer.Ordinal);

    public MeshService? Service(ServiceRef reference) => _services.GetValueOrDefault(reference);

    /// <summary>The labels of the pods of a service (and subset): the declared selector ∪ subset labels, or the default selector.</summary>
    public EquatableMap<string> Labels(ServiceRef service, string? subset = null) =>
        Service(service) is { } s ? s.WorkloadLabels(subset) ?? s.EffectiveSelector : MeshService.DefaultSelector(service.Name);

    /// <summary>The non-null items of a list with their indexes.</summary>
    public static IEnumerable<(int Index, T Item)> Items<T>(EquatableArray<T> items)
        where T : class
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is { } item) yield return (i, item);
        }
    }

    public static string Duration(TimeSpan value) => Mesh.Serialization.MeshDuration.Format(value);
}
