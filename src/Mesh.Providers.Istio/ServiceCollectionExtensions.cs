using Mesh.DependencyInjection;

namespace Mesh.Providers.Istio;

/// <summary>Registers the Istio translator with Mesh SDK.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>Adds <see cref="IstioTranslator"/> as an <see cref="Mesh.Translation.ITranslator"/>; calling it again has no further effect.</summary>
    /// <param name="builder">The builder returned by <c>AddMeshSdk()</c>.</param>
    /// <param name="configure">Changes to the default <see cref="IstioOptions"/>, or null.</param>
    /// <returns>The builder.</returns>
    public static MeshSdkBuilder AddIstio(this MeshSdkBuilder builder, Action<IstioOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new IstioOptions();
        configure?.Invoke(options);
        return builder.AddTranslator(new IstioTranslator(options));
    }
}
