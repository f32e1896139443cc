using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Mesh.Kubernetes;

/// <summary>
/// The kinds a provider reads: <c>group/version/Kind</c> → class, each class's written <c>apiVersion</c>, and the API groups
/// whose other kinds are out of scope rather than unknown, and the source-generated JSON metadata of those classes.
/// <see cref="ResourceReader"/> reads documents with it and <see cref="KubeYamlWriter"/> writes them.
/// </summary>
/// <param name="TypeMap">Every <c>group/version/Kind</c> read (<c>v1/Kind</c> for the core group).</param>
/// <param name="Canonical">The <c>apiVersion</c> each class is written with; other versions read into it get a legacy note.</param>
/// <param name="Groups">The provider's API groups.</param>
/// <param name="Description">What the provider reads, for messages (e.g. "a Gateway API route this provider reads").</param>
/// <param name="LegacyNotes">For kinds of the provider's groups that are legacy forms: what they became (a legacy note beside the out-of-scope report).</param>
/// <param name="VersionNotes">For <c>group/version/Kind</c> entries read into a class written with another version: the note said instead of "an older served version".</param>
public sealed record ResourceCatalog(
    IReadOnlyDictionary<string, Type> TypeMap,
    IReadOnlyDictionary<Type, string> Canonical,
    IReadOnlySet<string> Groups,
    string Description,
    IReadOnlyDictionary<string, string>? LegacyNotes = null,
    IReadOnlyDictionary<string, string>? VersionNotes = null)
{
    private readonly IJsonTypeInfoResolver _typeInfoResolver = null!;

    /// <summary>
    /// The JSON metadata of every class read or written (a provider's source-generated <see cref="JsonSerializerContext"/>
    /// that lists each resource class): reading, the unknown-field report and the YAML writer take the members from it, not
    /// from runtime reflection, so a trimmed or native AOT application keeps every field.
    /// </summary>
    public required IJsonTypeInfoResolver TypeInfoResolver
    {
        get => _typeInfoResolver;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            _typeInfoResolver = value;
            JsonOptions = KubeJson.For(value);
        }
    }

    /// <summary>The JSON options of the resources: <see cref="KubeJson.Options"/>' settings over <see cref="TypeInfoResolver"/>.</summary>
    public JsonSerializerOptions JsonOptions { get; private init; } = KubeJson.Options;

    /// <summary>What the out-of-scope report of another kind of the provider's groups says it is about (e.g. "gateways, Envoy filters, telemetry").</summary>
    /// <value>Defaults to null: the report says only that the kind is outside what the provider translates.</value>
    public string? OutOfScopeKinds { get; init; }

    /// <summary>
    /// Fields, by key anywhere in a document, that are outside the model's scope rather than merely not imported (e.g. Istio's
    /// <c>gateways</c> and <c>exportTo</c>), with the reason reported for them.
    /// </summary>
    /// <value>Defaults to null: every field the typed classes do not hold is reported as not imported.</value>
    public IReadOnlyDictionary<string, string>? OutOfScopeFields { get; init; }
}
