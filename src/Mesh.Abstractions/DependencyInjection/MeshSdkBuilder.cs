using System.Diagnostics.CodeAnalysis;
using Mesh.Translation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

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
    public MeshSdkBuilder AddTranslator<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TTranslator>() where TTranslator : class, ITranslator
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<ITranslator, TTranslator>());
        return this;
    }

    /// <summary>
    /// Registers a translator built from the <typeparamref name="TOptions"/> of <see cref="IOptions{TOptions}"/> (which a provider
    /// package binds from configuration), checked by <paramref name="problems"/> when the host starts (<c>ValidateOnStart</c>)
    /// or, without a host, when the translator is first resolved: invalid options fail with every problem named.
    /// Registering the same translator type twice has no further effect.
    /// </summary>
    /// <typeparam name="TTranslator">The translator type.</typeparam>
    /// <typeparam name="TOptions">The provider's options.</typeparam>
    /// <param name="problems">The problems of a set of options (none when valid).</param>
    /// <param name="create">Builds the translator from valid options.</param>
    /// <returns>This builder.</returns>
    public MeshSdkBuilder AddTranslator<TTranslator, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(Func<TOptions, IEnumerable<string>> problems, Func<TOptions, TTranslator> create)
        where TTranslator : class, ITranslator
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(create);
        Services.AddOptions<TOptions>().ValidateOnStart();
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, ProblemsValidator<TOptions>>(_ => new ProblemsValidator<TOptions>(problems)));
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<ITranslator, TTranslator>(provider => create(provider.GetRequiredService<IOptions<TOptions>>().Value)));
        return this;
    }

    /// <summary>Options validation from a list of problems.</summary>
    private sealed class ProblemsValidator<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(Func<TOptions, IEnumerable<string>> problems) : IValidateOptions<TOptions>
        where TOptions : class
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            var found = problems(options).ToList();
            return found.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(found);
        }
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
