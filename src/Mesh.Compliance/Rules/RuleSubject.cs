namespace Mesh.Compliance;

/// <summary>What an expression rule is evaluated on (YAML: <c>on:</c>); <c>object</c> is bound to each in turn.</summary>
public enum RuleSubject
{
    /// <summary><c>config</c>: the whole model, once (<c>object</c> is the document: <c>kind</c>, <c>metadata</c>, <c>spec</c>).</summary>
    Config,

    /// <summary><c>services</c>: each item of <c>spec.services</c>.</summary>
    Services,

    /// <summary><c>routes</c>: each HTTP route of <c>spec.routes</c>.</summary>
    Routes,

    /// <summary><c>routeRules</c>: each rule of each HTTP route (<c>spec.routes[*].rules[*]</c>).</summary>
    RouteRules,

    /// <summary><c>tcpRoutes</c>: each item of <c>spec.tcpRoutes</c>.</summary>
    TcpRoutes,

    /// <summary><c>destinationPolicies</c>: each item of <c>spec.destinationPolicies</c>.</summary>
    DestinationPolicies,

    /// <summary><c>mtls</c>: each item of <c>spec.mtls</c>.</summary>
    Mtls,

    /// <summary><c>accessPolicies</c>: each item of <c>spec.accessPolicies</c>.</summary>
    AccessPolicies,

    /// <summary><c>externalServices</c>: each item of <c>spec.externalServices</c>.</summary>
    ExternalServices,

    /// <summary><c>requestAuthentications</c>: each item of <c>spec.requestAuthentications</c>.</summary>
    RequestAuthentications,
}
