using Mesh.Model;

namespace Mesh.Providers.Consul.Mapping;

/// <summary>
/// The model's services by name and by namespace, built once per translation: intention sources look callers up by service
/// name (Consul's identity) and expand namespaces into their services on Community Edition.
/// </summary>
internal sealed class ServiceNames
{
    private readonly Dictionary<string, List<string>> _namespacesByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _namesByNamespace = new(StringComparer.Ordinal);

    public ServiceNames(MeshConfig config)
    {
        var seen = new HashSet<ServiceRef>();
        foreach (var service in config.Services)
        {
            if (!seen.Add(service.Reference)) continue;
            Add(_namespacesByName, service.Name, service.Namespace);
            Add(_namesByNamespace, service.Namespace, service.Name);
        }
        foreach (var names in _namesByNamespace.Values) names.Sort(StringComparer.Ordinal);
    }

    /// <summary>The namespaces holding a service named <paramref name="name"/>, in model order.</summary>
    public IReadOnlyList<string> NamespacesOf(string name) => _namespacesByName.TryGetValue(name, out var found) ? found : [];

    /// <summary>The names of the services of <paramref name="ns"/>, in ordinal order.</summary>
    public IReadOnlyList<string> NamesIn(string ns) => _namesByNamespace.TryGetValue(ns, out var found) ? found : [];

    private static void Add(Dictionary<string, List<string>> index, string key, string value)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        list.Add(value);
    }
}
