using Mesh.DependencyInjection;

namespace Mesh.Providers.GatewayApi;

/// <summary>Registers the Gateway API translator on a <see cref="MeshSdkBuilder"/>.</summary>
public static class GatewayApiMeshSdkBuilderExtensions
{
    /// <summary>Adds <see cref="GatewayApiTranslator"/> as an <see cref="Mesh.Translation.ITranslator"/>; calling it again has no further effect.</summary>
    /// <param name="builder">The builder returned by <c>AddMeshSdk()</c>.</param>
    /// <param name="options">The options, or null for the defaults (e.g. <c>new GatewayApiOptions { EmitGrpcRoutes = false }</c>).</param>
    /// <returns>The builder.</returns>
    public static MeshSdkBuilder AddGatewayApi(this MeshSdkBuilder builder, GatewayApiOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddTranslator(new GatewayApiTranslator(options ?? new GatewayApiOptions()));
    }
}
