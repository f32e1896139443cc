using Mesh.Kubernetes;
using Mesh.Providers.GatewayApi.Translation;

namespace Mesh.Providers.Linkerd.Translation;

/// <summary>
/// The authorization resources being written, one table per kind in output order (<see cref="Servers"/>, MeshTLS and network
/// authentications, policy HTTPRoutes, <see cref="Policies"/>): the resources of one access policy are added as pending and
/// committed together or not at all, and at the end each kind is sorted by namespace and name. Per kind, so that no table of
/// a large mesh becomes one large-object-heap array.
/// </summary>
internal sealed class AuthorizationOutput
{
    public const int Servers = 0, MeshTlsAuthentications = 1, NetworkAuthentications = 2, Routes = 3, Policies = 4;

    private const int KindCount = 5;

    // Hashed while policies are added (each commit looks its names up) and sorted once at the end.
    private readonly Dictionary<(string Namespace, string Name), object>[] _output = new Dictionary<(string Namespace, string Name), object>[KindCount];
    private readonly Dictionary<(int Order, string Namespace, string Name), object> _pending = new();

    /// <summary>Creates the tables, each sized for <paramref name="policies"/> access policies.</summary>
    public AuthorizationOutput(int policies)
    {
        for (var k = 0; k < KindCount; k++) _output[k] = new Dictionary<(string Namespace, string Name), object>(policies);
    }

    /// <summary>Adds a resource of the policy being written (the first of a kind, namespace and name is kept).</summary>
    public void Add(int kind, string ns, string name, object resource) => _pending.TryAdd((kind, ns, name), resource);

    /// <summary>
    /// Writes the pending resources of the policy at <paramref name="path"/>, unless one of them (other than a Server, which the
    /// policies of a workload share) takes a name already written: then none is, and the policy is reported. Names derive from
    /// policy names, so a name taken twice would make one policy refer to another's resources.
    /// </summary>
    /// <remarks>Each resource written names <paramref name="source"/> (the access policy) as its source; a shared Server names every policy that needs it.</remarks>
    public void Commit(string path, string source, RouteExportContext ctx)
    {
        (int Order, string Namespace, string Name) clash = default;
        foreach (var key in _pending.Keys)
        {
            if (key.Order != Servers && _output[key.Order].ContainsKey((key.Namespace, key.Name)))
            {
                clash = key;
                break;
            }
        }
        if (clash != default)
        {
            ctx.Unsupported(path, $"The name '{clash.Namespace}/{clash.Name}' of a resource this policy needs is already taken by another access policy's; the policy is not written (rename it).");
        }
        else
        {
            foreach (var (key, resource) in _pending)
            {
                if (_output[key.Order].TryGetValue((key.Namespace, key.Name), out var existing)) Ownership.From(existing, source);
                else _output[key.Order].Add((key.Namespace, key.Name), Ownership.From(resource, source));
            }
        }
        _pending.Clear();
    }

    /// <summary>The resources written: kind by kind, each sorted by namespace and name.</summary>
    public List<object> ToList()
    {
        var result = new List<object>();
        foreach (var kind in _output)
        {
            var keys = new List<(string Namespace, string Name)>(kind.Keys);
            keys.Sort(OrdinalKeyComparer.Instance);
            foreach (var key in keys) result.Add(kind[key]);
        }
        return result;
    }
}
