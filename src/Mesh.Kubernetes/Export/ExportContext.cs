using System.Globalization;
using Mesh.Diagnostics;
using Mesh.Translation;
using Mesh.Model;

namespace Mesh.Kubernetes;

/// <summary>
/// The state of one translation of a model to a provider: the model with an indexed service lookup, messages formatted once
/// per translation, and the diagnostics raised so far (kept in chunks, so a large translation puts nothing on the
/// large-object heap). Each method raises one code with one severity. Not thread-safe: one context per translation.
/// </summary>
public class ExportContext
{
    private Dictionary<ServiceRef, MeshService>? _services;
    private Dictionary<ServiceRef, ExternalService>? _externals;
    private readonly MessageCache<(string Template, string Argument)> _formatted = new();

    /// <summary>Creates the context of one translation.</summary>
    /// <param name="provider">The provider named in the diagnostics.</param>
    /// <param name="config">The model being translated.</param>
    public ExportContext(ProviderName provider, MeshConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        Provider = provider;
        Config = config;
    }

    /// <summary>The provider named in the diagnostics.</summary>
    public ProviderName Provider { get; }

    /// <summary>The model being translated.</summary>
    public MeshConfig Config { get; }

    /// <summary>The diagnostics raised so far.</summary>
    public ChunkedList<Diagnostic> Diagnostics { get; } = new();

    /// <summary>The service named <paramref name="reference"/> (an indexed lookup; the first definition wins), or null.</summary>
    /// <param name="reference">The service.</param>
    /// <returns>The service, or null when the model does not declare it.</returns>
    public MeshService? FindService(ServiceRef reference)
    {
        if (_services is null)
        {
            _services = new Dictionary<ServiceRef, MeshService>(Config.Services.Count);
            foreach (var service in Config.Services) _services.TryAdd(service.Reference, service);
        }
        return _services.GetValueOrDefault(reference);
    }

    /// <summary>
    /// <paramref name="template"/> with <paramref name="argument"/> in place of <c>{0}</c>, formatted once per translation:
    /// messages that repeat on every service (a subset, a filter, a service's port) are built once, not per occurrence.
    /// </summary>
    /// <param name="template">A composite format string with one placeholder.</param>
    /// <param name="argument">The value of the placeholder.</param>
    /// <returns>The message.</returns>
    public string Message(string template, string argument) =>
        _formatted.Get((template, argument), static k => string.Format(CultureInfo.InvariantCulture, k.Template, k.Argument));

    /// <summary>A model feature the provider cannot express; it is not in the output (warning, <see cref="DiagnosticCodes.Unsupported"/>).</summary>
    /// <param name="path">The JSON path into the model.</param>
    /// <param name="message">What is lost and why.</param>
    public void Unsupported(string path, string message) => Add(DiagnosticSeverity.Warning, DiagnosticCodes.Unsupported, path, message);

    /// <summary>A model feature written only approximately (warning, <see cref="DiagnosticCodes.Approximated"/>).</summary>
    /// <param name="path">The JSON path into the model.</param>
    /// <param name="message">What differs.</param>
    public void Approximated(string path, string message) => Add(DiagnosticSeverity.Warning, DiagnosticCodes.Approximated, path, message);

    /// <summary>Weights rescaled with a change of ratio (warning, <see cref="DiagnosticCodes.WeightsRounded"/>).</summary>
    /// <param name="path">The JSON path into the model.</param>
    /// <param name="message">The weights before and after.</param>
    public void Rounded(string path, string message) => Add(DiagnosticSeverity.Warning, DiagnosticCodes.WeightsRounded, path, message);

    /// <summary>How a feature was written, where nothing the provider applies is lost (info, <see cref="DiagnosticCodes.TranslationNote"/>).</summary>
    /// <param name="path">The JSON path into the model.</param>
    /// <param name="message">The note.</param>
    public void Note(string path, string message) => Add(DiagnosticSeverity.Info, DiagnosticCodes.TranslationNote, path, message);

    // Mesh-specific exports write one model element as several resources (a rule per match and port, a policy per caller):
    // the …Once methods raise each (kind, path, message) once, however many outputs repeat the cause.
    private HashSet<(DiagnosticCode Code, string Path, string Message)>? _raised;

    private bool FirstTime(DiagnosticCode code, string path, string message) => (_raised ??= []).Add((code, path, message));

    /// <summary><see cref="Unsupported"/>, once per path and message in this translation.</summary>
    /// <param name="path">The model path.</param>
    /// <param name="message">What is not written, and why.</param>
    public void UnsupportedOnce(string path, string message)
    {
        if (FirstTime(DiagnosticCodes.Unsupported, path, message)) Unsupported(path, message);
    }

    /// <summary><see cref="Approximated"/>, once per path and message in this translation.</summary>
    /// <param name="path">The model path.</param>
    /// <param name="message">What is written differently, and how.</param>
    public void ApproximatedOnce(string path, string message)
    {
        if (FirstTime(DiagnosticCodes.Approximated, path, message)) Approximated(path, message);
    }

    /// <summary><see cref="Rounded"/>, once per path and message in this translation.</summary>
    /// <param name="path">The model path.</param>
    /// <param name="message">The weights before and after.</param>
    public void RoundedOnce(string path, string message)
    {
        if (FirstTime(DiagnosticCodes.WeightsRounded, path, message)) Rounded(path, message);
    }

    /// <summary><see cref="Note"/>, once per path and message in this translation.</summary>
    /// <param name="path">The model path.</param>
    /// <param name="message">The note.</param>
    public void NoteOnce(string path, string message)
    {
        if (FirstTime(DiagnosticCodes.TranslationNote, path, message)) Note(path, message);
    }

    /// <summary>The external service a reference names when no service of the model has that name (an indexed lookup), or null.</summary>
    /// <param name="reference">The reference.</param>
    /// <returns>The external service, or null.</returns>
    public ExternalService? FindExternal(ServiceRef reference)
    {
        if (FindService(reference) is not null) return null;
        if (_externals is null)
        {
            _externals = new Dictionary<ServiceRef, ExternalService>(Config.ExternalServices.Count);
            foreach (var external in Config.ExternalServices)
            {
                if (external?.Name is not null && external.Namespace is not null) _externals.TryAdd(new ServiceRef(external.Name, external.Namespace), external);
            }
        }
        return _externals.GetValueOrDefault(reference);
    }

    /// <summary>
    /// Reports, for a provider whose egress entries hold hosts and addresses only, the external services' endpoints with
    /// ports or labels and their subsets, which it does not write (<see cref="Unsupported"/> at each).
    /// </summary>
    /// <param name="endpoints">Why endpoints are not written.</param>
    /// <param name="subsets">Why subsets are not written.</param>
    public void UnsupportedExternalEndpointsAndSubsets(string endpoints, string subsets)
    {
        for (var i = 0; i < Config.ExternalServices.Count; i++)
        {
            if (Config.ExternalServices[i] is not { } external) continue;
            if (!external.Endpoints.IsEmpty) Unsupported($"$.spec.externalServices[{i}].endpoints", endpoints);
            if (!external.Subsets.IsEmpty) Unsupported($"$.spec.externalServices[{i}].subsets", subsets);
        }
    }

    /// <summary>
    /// For a provider that sets outbound scope once for the whole mesh: the mesh-wide policy's mode, or null when the model
    /// has none. Namespace policies and host lists, which such a provider cannot write, are reported (<see cref="Unsupported"/>).
    /// </summary>
    /// <param name="mesh">The mesh's name, for the messages (e.g. <c>App Mesh</c>).</param>
    /// <param name="setting">The native setting, for the messages (e.g. <c>Mesh.spec.egressFilter</c>).</param>
    /// <returns>The mesh-wide mode, or null.</returns>
    public OutboundMode? MeshWideOutbound(string mesh, string setting)
    {
        OutboundMode? mode = null;
        for (var i = 0; i < Config.Outbound.Count; i++)
        {
            if (Config.Outbound[i] is not { } policy) continue;
            var path = $"$.spec.outbound[{i}]";
            if (policy.Namespace is not null)
            {
                Unsupported($"{path}.namespace", $"{mesh} sets outbound scope once for the whole mesh ({setting}); the policy of namespace '{policy.Namespace}' is not written.");
                continue;
            }
            if (!policy.Hosts.IsEmpty) Unsupported($"{path}.hosts", $"{mesh} has no outbound visibility scope: every service stays reachable, and the hosts are not written.");
            mode = policy.Mode;
        }
        return mode;
    }

    /// <summary>For a provider with no telemetry resource it writes: reports every telemetry policy (<see cref="Unsupported"/>).</summary>
    /// <param name="why">Why the policies are not written.</param>
    public void UnsupportedTelemetry(string why)
    {
        for (var i = 0; i < Config.Telemetry.Count; i++) Unsupported($"$.spec.telemetry[{i}]", why);
    }

    /// <summary>
    /// For a provider that writes no request authentication: reports every policy (<see cref="Unsupported"/>), with what that
    /// changes — tokens are not verified, so an invalid token is not rejected and no request has a request principal.
    /// </summary>
    /// <param name="why">Why the policies are not written.</param>
    public void UnsupportedRequestAuthentication(string why)
    {
        for (var i = 0; i < Config.RequestAuthentications.Count; i++)
        {
            Unsupported($"$.spec.requestAuthentications[{i}]", $"{why} Tokens are not verified: a request with an invalid token is not rejected, and no request carries a request principal.");
        }
    }

    /// <summary>For a provider that writes no gateways (yet): reports every gateway and gateway route (<see cref="Unsupported"/>).</summary>
    /// <param name="why">Why they are not written.</param>
    public void UnsupportedGateways(string why)
    {
        for (var i = 0; i < Config.Gateways.Count; i++) Unsupported($"$.spec.gateways[{i}]", why);
        for (var i = 0; i < Config.GatewayRoutes.Count; i++) Unsupported($"$.spec.gatewayRoutes[{i}]", why);
        UnsupportedGatewayStreamRoutes(why);
    }

    /// <summary>For a provider that writes no TLS or TCP routes at gateways (yet): reports every gateway TLS and TCP route (<see cref="Unsupported"/>).</summary>
    /// <param name="why">Why they are not written.</param>
    public void UnsupportedGatewayStreamRoutes(string why)
    {
        for (var i = 0; i < Config.GatewayTlsRoutes.Count; i++) Unsupported($"$.spec.gatewayTlsRoutes[{i}]", why);
        for (var i = 0; i < Config.GatewayTcpRoutes.Count; i++) Unsupported($"$.spec.gatewayTcpRoutes[{i}]", why);
    }

    /// <summary>
    /// Rule <paramref name="ruleIndex"/> of access policy <paramref name="policyIndex"/> cut down to what
    /// <paramref name="capabilities"/> writes (<see cref="AccessRuleFit"/>), each cut reported (<see cref="Unsupported"/>)
    /// with the capability's reason; null when the rule is not written.
    /// </summary>
    /// <param name="policyIndex">The policy's index in <see cref="MeshConfig.AccessPolicies"/>.</param>
    /// <param name="ruleIndex">The rule's index in the policy.</param>
    /// <param name="capabilities">The provider's capabilities.</param>
    /// <returns>The rule to write, or null.</returns>
    public AccessRule? FitAccessRule(int policyIndex, int ruleIndex, ProviderCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        var policy = Config.AccessPolicies[policyIndex];
        var fit = AccessRuleFit.Of(policy.Rules[ruleIndex], policy.Action, f => capabilities[f].Support != CapabilitySupport.Unsupported);
        foreach (var (feature, part) in fit.Dropped)
        {
            Unsupported($"$.spec.accessPolicies[{policyIndex}].rules[{ruleIndex}].{part}", $"{capabilities[feature].Reason} {fit.Consequence(feature, policy.Action)}");
        }
        // A mesh that approximates services as callers names the service account of each instead (ServiceCallers).
        if (fit.Rule is { } rule && capabilities[MeshFeature.AccessFromServices] is { Support: CapabilitySupport.Approximated } services)
        {
            foreach (var part in ServiceCallers.Paths(rule)) Approximated($"$.spec.accessPolicies[{policyIndex}].rules[{ruleIndex}].{part}", services.Reason!);
            return ServiceCallers.AsServiceAccounts(rule);
        }
        return fit.Rule;
    }

    /// <summary>
    /// Whether access policy <paramref name="policyIndex"/>'s action is one <paramref name="capabilities"/> writes; an audit
    /// policy a provider cannot write is reported (<see cref="Unsupported"/>) and left out, which changes no access.
    /// </summary>
    /// <param name="policyIndex">The policy's index in <see cref="MeshConfig.AccessPolicies"/>.</param>
    /// <param name="capabilities">The provider's capabilities.</param>
    /// <returns>Whether to write the policy.</returns>
    public bool WritesAccessAction(int policyIndex, ProviderCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        if (Config.AccessPolicies[policyIndex].Action != AccessAction.Audit || capabilities[MeshFeature.AccessAudit].Support != CapabilitySupport.Unsupported) return true;
        Unsupported($"$.spec.accessPolicies[{policyIndex}].action", $"{capabilities[MeshFeature.AccessAudit].Reason} The audit policy is not written; it allowed or denied nothing.");
        return false;
    }

    private void Add(DiagnosticSeverity severity, DiagnosticCode code, string path, string message) =>
        Diagnostics.Add(new Diagnostic { Severity = severity, Code = code, Path = path, Message = message, Provider = Provider });
}
