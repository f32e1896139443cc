using Mesh.Model;

namespace Mesh.Builders;

/// <summary>Collects a gateway route's gateways, host names and ordered rules.</summary>
public sealed class GatewayRouteBuilder
{
    private readonly List<GatewayRef> _gateways = [];
    private readonly List<string> _hostnames = [];
    private readonly HttpRouteBuilder _rules = new();

    internal GatewayRouteBuilder()
    {
    }

    /// <summary>Attaches the route to a gateway, or to one of its listeners.</summary>
    /// <param name="name">The gateway's name.</param>
    /// <param name="namespace">The gateway's namespace.</param>
    /// <param name="listener">A listener's name; null: the gateway's HTTP and HTTPS listeners.</param>
    public GatewayRouteBuilder Gateway(string name, string @namespace, string? listener = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(@namespace);
        _gateways.Add(new GatewayRef { Name = name, Namespace = @namespace, Listener = listener });
        return this;
    }

    /// <summary>Routes requests for these host names (none: every host the listeners serve).</summary>
    /// <param name="hostnames">Exact names or <c>*.</c> wildcards.</param>
    public GatewayRouteBuilder Hostnames(params string[] hostnames)
    {
        ArgumentNullException.ThrowIfNull(hostnames);
        _hostnames.AddRange(hostnames);
        return this;
    }

    /// <summary>Appends a rule; rules are matched in the order added.</summary>
    /// <param name="configure">Sets the rule's matches, backends and policies.</param>
    public GatewayRouteBuilder Rule(Action<HttpRuleBuilder> configure)
    {
        _rules.Rule(configure);
        return this;
    }

    internal GatewayRoute Build(string name, string @namespace) => new()
    {
        Name = name,
        Namespace = @namespace,
        Gateways = [.. _gateways],
        Hostnames = [.. _hostnames],
        Rules = [.. _rules.Rules],
    };
}
