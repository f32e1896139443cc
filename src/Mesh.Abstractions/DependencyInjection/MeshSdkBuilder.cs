using Mesh.Translation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mesh.DependencyInjection;

/// <summary>
/// Returned by <see cref="MeshServiceCollectionExtensions.AddMeshSdk"/>; provider packages extend it
/// (<c>services.AddMeshSdk().AddIstio().AddLinkerd()</c>).
/// </summary>
public sealed class MeshSdkBuilder
{
    internal MeshSdkBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection being configured.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Registers a translator as a singleton; registering the same type twice has no further effect.</summary>
    /// <typeparam name="TTranslator">The translator type.</typeparam>
    /// <returns>This builder.</returns>
    public MeshSdkBuilder AddTranslator<TTranslator>() where TTranslator : class, ITranslator
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<ITranslator, TTranslator>());
        return this;
    }

    /// <summary>Registers a translator instance; registering the same instance type twice has no further effect.</summary>
    /// <param name="translator">The translator.</param>
    /// <returns>This builder.</returns>
    public MeshSdkBuilder AddTranslator(ITranslator translator)
    {
        ArgumentNullException.ThrowIfNull(translator);
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<ITranslator>(translator));
        return this;
    }
}
