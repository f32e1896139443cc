using Mesh.Translation;
namespace Mesh.Kubernetes;

/// <summary>What every Kubernetes-based provider's options say, for <see cref="KubernetesTranslator{TOptions}"/>.</summary>
public interface IKubernetesProviderOptions
{
    /// <summary>The namespace of imported resources whose metadata names none.</summary>
    string DefaultNamespace { get; }

    /// <summary>Which core <c>v1</c> Services the translator writes (leaf Services for subsets, or every service too).</summary>
    ServiceOutput ServiceOutput { get; }
}
