using Mesh.Model;

namespace Mesh.Builders;

/// <summary>Collects weighted backends (for TCP routes; HTTP rules use <see cref="HttpRuleBuilder.To"/>).</summary>
public sealed class BackendListBuilder
{
    internal BackendListBuilder()
    {
    }

    internal List<WeightedBackend> Backends { get; } = [];

    /// <summary>Sends a share of connections to a service or subset.</summary>
    /// <param name="service">The service as <c>name.namespace</c>.</param>
    /// <param name="subset">The subset, or null for the whole service.</param>
    /// <param name="weight">The relative share.</param>
    /// <param name="port">The target port, or null.</param>
    public BackendListBuilder To(string service, string? subset = null, int weight = 1, int? port = null)
    {
        Backends.Add(new WeightedBackend { Service = ServiceRef.Parse(service), Subset = subset, Weight = weight, Port = port });
        return this;
    }
}
