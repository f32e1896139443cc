using Mesh.DependencyInjection;

namespace Mesh.Providers.Consul;

/// <summary>Registers the Consul translator on a <see cref="MeshSdkBuilder"/>.</summary>
public static class ConsulMeshSdkBuilderExtensions
{
    /// <summary>Adds <see cref="ConsulTranslator"/> as an <see cref="Mesh.Translation.ITranslator"/>; calling it again has no further effect.</summary>
    /// <param name="builder">The builder returned by <c>AddMeshSdk()</c>.</param>
    /// <param name="options">The options, or null for the defaults (e.g. <c>new ConsulOptions { Edition = ConsulEdition.Enterprise }</c>).</param>
    /// <returns>The builder.</returns>
    public static MeshSdkBuilder AddConsul(this MeshSdkBuilder builder, ConsulOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddTranslator(new ConsulTranslator(options ?? new ConsulOptions()));
    }
}
