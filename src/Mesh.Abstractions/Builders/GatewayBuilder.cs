using Mesh.Collections;
using Mesh.Model;

namespace Mesh.Builders;

/// <summary>Collects a gateway's workloads, class and listeners.</summary>
public sealed class GatewayBuilder
{
    private readonly List<GatewayListener> _listeners = [];
    private EquatableMap<string> _workloads;
    private string? _className;

    internal GatewayBuilder()
    {
    }

    /// <summary>Runs the gateway on the proxy workloads with these labels (Istio's <c>selector</c>).</summary>
    /// <param name="labels">The workloads' labels.</param>
    public GatewayBuilder Workloads(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        _workloads = labels.ToEquatableMap();
        return this;
    }

    /// <summary>Has the gateway provisioned by this implementation (Gateway API's <c>gatewayClassName</c>).</summary>
    /// <param name="className">The gateway class.</param>
    public GatewayBuilder ClassName(string className)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(className);
        _className = className;
        return this;
    }

    /// <summary>Adds a plaintext HTTP listener.</summary>
    /// <param name="name">The listener's name.</param>
    /// <param name="port">The port.</param>
    /// <param name="hosts">The host names it serves; none: every host.</param>
    public GatewayBuilder Http(string name, int port, params string[] hosts) =>
        Listener(new GatewayListener { Name = name, Port = port, Protocol = ListenerProtocol.Http, Hosts = [.. hosts] });

    /// <summary>Adds an HTTPS listener that terminates TLS with the certificate of a credential (a Secret).</summary>
    /// <param name="name">The listener's name.</param>
    /// <param name="port">The port.</param>
    /// <param name="credentialName">The certificate's credential name.</param>
    /// <param name="hosts">The host names it serves; none: every host.</param>
    public GatewayBuilder Https(string name, int port, string credentialName, params string[] hosts) =>
        Listener(new GatewayListener { Name = name, Port = port, Protocol = ListenerProtocol.Https, Hosts = [.. hosts], Tls = new GatewayTls { CredentialName = credentialName } });

    /// <summary>Adds a listener as given (TLS passthrough, mutual TLS, TCP, certificate files).</summary>
    /// <param name="listener">The listener.</param>
    public GatewayBuilder Listener(GatewayListener listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        _listeners.Add(listener);
        return this;
    }

    internal Gateway Build(string name, string @namespace) => new()
    {
        Name = name,
        Namespace = @namespace,
        Workloads = _workloads,
        ClassName = _className,
        Listeners = [.. _listeners],
    };
}
