using Mesh.DependencyInjection;

namespace Mesh.Providers.Istio;

/// <summary>Registers the Istio translator on a <see cref="MeshSdkBuilder"/>.</summary>
public static class IstioMeshSdkBuilderExtensions
{
    /// <summary>Adds <see cref="IstioTranslator"/> as an <see cref="Mesh.Translation.ITranslator"/>; calling it again has no further effect.</summary>
    /// <param name="builder">The builder returned by <c>AddMeshSdk()</c>.</param>
    /// <param name="options">The options, or null for the defaults (e.g. <c>new IstioOptions { ClusterDomain = "corp.local" }</c>).</param>
    /// <returns>The builder.</returns>
    public static MeshSdkBuilder AddIstio(this MeshSdkBuilder builder, IstioOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddTranslator(new IstioTranslator(options ?? new IstioOptions()));
    }
}
