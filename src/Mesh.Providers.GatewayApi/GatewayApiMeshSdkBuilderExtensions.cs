using Mesh.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>
    /// Adds <see cref="GatewayApiTranslator"/> with its <see cref="GatewayApiOptions"/> bound from <paramref name="configuration"/> (for example
    /// <c>configuration.GetSection("Mesh:GatewayApi")</c>, property names as keys) through <c>IOptions&lt;GatewayApiOptions&gt;</c>, so
    /// <c>services.Configure&lt;GatewayApiOptions&gt;(…)</c> applies too. Invalid options fail when the host starts, naming every problem;
    /// calling it again has no further effect.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddMeshSdk()</c>.</param>
    /// <param name="configuration">The configuration section holding the options.</param>
    /// <returns>The builder.</returns>
    public static MeshSdkBuilder AddGatewayApi(this MeshSdkBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.Services.AddOptions<GatewayApiOptions>().Bind(configuration);
        return builder.AddTranslator<GatewayApiTranslator, GatewayApiOptions>(GatewayApiOptionsValidation.Problems, options => new GatewayApiTranslator(options));
    }
}
