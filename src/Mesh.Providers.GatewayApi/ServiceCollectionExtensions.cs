using Mesh.DependencyInjection;

namespace Mesh.Providers.GatewayApi;

/// <summary>Registers the Gateway API translator with Mesh SDK.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>Adds <see cref="GatewayApiTranslator"/> as an <see cref="Mesh.Translation.ITranslator"/>; calling it again has no further effect.</summary>
    /// <param name="builder">The builder returned by <c>AddMeshSdk()</c>.</param>
    /// <param name="configure">Changes to the default <see cref="GatewayApiOptions"/>, or null.</param>
    /// <returns>The builder.</returns>
    public static MeshSdkBuilder AddGatewayApi(this MeshSdkBuilder builder, Action<GatewayApiOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new GatewayApiOptions();
        configure?.Invoke(options);
        return builder.AddTranslator(new GatewayApiTranslator(options));
    }
}
