using Mesh.Translation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mesh.DependencyInjection;

/// <summary>Registers Mesh SDK services.</summary>
public static class MeshServiceCollectionExtensions
{
    /// <summary>
    /// Adds the translator registry (<see cref="ITranslatorRegistry"/>, built from every registered <see cref="ITranslator"/>).
    /// Safe to call more than once.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>A builder that provider packages extend, e.g. <c>.AddIstio()</c>.</returns>
    public static MeshSdkBuilder AddMeshSdk(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ITranslatorRegistry>(sp => new TranslatorRegistry(sp.GetServices<ITranslator>()));
        return new MeshSdkBuilder(services);
    }
}
