using System.Buffers;
using Mesh.Diagnostics;
using Mesh.Translation;
using Mesh.Model;
using Mesh.Validation;
using Mesh.Xds.Encoders;
using Mesh.Xds.Planning;

namespace Mesh.Xds;

/// <summary>
/// Turns a <see cref="MeshConfig"/>, the live endpoints and the proxy asking into Envoy v3 xDS resources, as
/// protobuf bytes written directly (sizes first, no intermediate message objects), each resource versioned by a
/// hash of its bytes. Thread-safe; holds only its options.
/// </summary>
public sealed class XdsEncoder
{
    /// <summary>The name the encoder's diagnostics carry as their provider: <c>xds</c>.</summary>
    public static ProviderName ProviderName { get; } = new("xds");

    /// <summary>Creates an encoder.</summary>
    /// <param name="options">The options, or null for <see cref="XdsEncoderOptions.Default"/>.</param>
    public XdsEncoder(XdsEncoderOptions? options = null) => Options = options ?? XdsEncoderOptions.Default;

    /// <summary>The encoder's options.</summary>
    public XdsEncoderOptions Options { get; }

    /// <summary>
    /// Resolves a model for one proxy, once, for any number of encodes. The model is validated first with
    /// <see cref="MeshValidator"/>, whose diagnostics (<c>MESH20xx</c>) come first; the encoder adds only what Envoy
    /// needs beyond the model's rules (<c>MESH40xx</c>). A model with validation errors is not planned: the compiled
    /// configuration has errors and no resources.
    /// </summary>
    /// <param name="config">The model.</param>
    /// <param name="proxy">The proxy asking.</param>
    /// <returns>The compiled configuration with its diagnostics.</returns>
    public XdsCompiledConfig Compile(MeshConfig config, XdsProxy proxy)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(proxy);
        var diagnostics = new List<Diagnostic>(MeshValidator.Validate(config));
        var valid = !diagnostics.Any(d => d.IsError);
        NackChecks.Proxy(proxy, diagnostics);
        var plan = valid ? Planner.Plan(config, proxy, Options, diagnostics) : XdsPlan.Unplanned(proxy, Options);
        return new XdsCompiledConfig(plan, diagnostics);
    }

    /// <summary>Encodes every resource for one proxy: compile (validating the model), check the endpoints, encode.</summary>
    /// <param name="config">The model.</param>
    /// <param name="endpoints">The live endpoints.</param>
    /// <param name="proxy">The proxy asking.</param>
    /// <returns>The snapshot (null when there are errors) and the diagnostics.</returns>
    public XdsBuildResult Build(MeshConfig config, EndpointSnapshot endpoints, XdsProxy proxy) => Encode(Compile(config, proxy), endpoints);

    /// <summary>Encodes every resource of a compiled configuration with the given endpoints.</summary>
    /// <param name="compiled">The compiled configuration.</param>
    /// <param name="endpoints">The live endpoints.</param>
    /// <returns>The snapshot (null when there are errors) and the diagnostics.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Instance API: the encoder is the entry point callers hold and register.")]
    public XdsBuildResult Encode(XdsCompiledConfig compiled, EndpointSnapshot endpoints)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        ArgumentNullException.ThrowIfNull(endpoints);
        var diagnostics = new List<Diagnostic>(compiled.Diagnostics);
        EndpointChecks.Check(compiled.Plan, endpoints, diagnostics);
        if (diagnostics.Any(d => d.IsError)) return new XdsBuildResult(null, diagnostics);
        var plan = compiled.Plan;
        var index = endpoints.Index;
        var types = XdsSnapshot.ResourceTypes;
        var sets = new XdsResourceSet[types.Length];
        for (var i = 0; i < types.Length; i++) sets[i] = ResourceWriter.Encode(plan, index, types[i]);
        return new XdsBuildResult(new XdsSnapshot(plan, endpoints, sets[0], sets[1], sets[2], sets[3]), diagnostics);
    }

    /// <summary>
    /// The hot path: writes a state-of-the-world <c>DiscoveryResponse</c> of one type straight from a compiled
    /// configuration into <paramref name="output"/>, each resource measured then encoded in place inside its <c>Any</c>.
    /// Allocates nothing once the endpoints' index is built (on first use of an <see cref="EndpointSnapshot"/>, every
    /// endpoint pre-encoded) and the plan's clusters are resolved against it (on the first load-assignment response
    /// for that plan and snapshot, subset selections included). Its
    /// <c>version_info</c>, a hash of the response's resources, is written after them (field order is free in
    /// protobuf). Errors in <paramref name="compiled"/> are the caller's to check first (a model that failed
    /// validation has no resources to write).
    /// </summary>
    /// <param name="compiled">The compiled configuration.</param>
    /// <param name="endpoints">The live endpoints.</param>
    /// <param name="type">The resource type.</param>
    /// <param name="output">Where the response goes.</param>
    /// <param name="nonce">The response nonce, or null.</param>
    /// <returns>The bytes written.</returns>
    public static int WriteDiscoveryResponse(XdsCompiledConfig compiled, EndpointSnapshot endpoints, XdsResourceType type, IBufferWriter<byte> output, string? nonce = null)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(output);
        return ResourceWriter.WriteDiscoveryResponse(output, compiled.Plan, endpoints.Index, type, nonce);
    }

    /// <summary>
    /// Derives the next snapshot from <paramref name="previous"/>, re-encoding only what <paramref name="change"/>
    /// touches, and reports which resources changed and which were removed.
    /// </summary>
    /// <param name="previous">The previous snapshot.</param>
    /// <param name="config">The model now (for <see cref="XdsChangeKind.Endpoints"/> it must be the previous one's).</param>
    /// <param name="endpoints">The endpoints now.</param>
    /// <param name="change">What changed.</param>
    /// <returns>The new snapshot, the changed and removed resources, and diagnostics.</returns>
    public XdsUpdateResult Update(XdsSnapshot previous, MeshConfig config, EndpointSnapshot endpoints, XdsChange change)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(change);
        return SnapshotUpdater.Update(this, previous, config, endpoints, change);
    }
}
