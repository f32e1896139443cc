using Mesh.Model;

namespace Mesh.Builders;

/// <summary>Builds one access rule: who calls (<see cref="From"/>), what is called (<see cref="To"/>) and conditions (<see cref="When"/>).</summary>
public sealed class AccessRuleBuilder
{
    private AccessSource? _from;
    private AccessOperation? _to;
    private readonly List<AccessCondition> _when = [];

    internal AccessRuleBuilder()
    {
    }

    /// <summary>Sets the callers.</summary>
    /// <param name="configure">Adds alternatives and exclusions.</param>
    public AccessRuleBuilder From(Action<AccessSourceBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new AccessSourceBuilder();
        configure(builder);
        _from = builder.Build();
        return this;
    }

    /// <summary>Sets the requests.</summary>
    /// <param name="configure">Adds ports, methods, paths, hosts and exclusions.</param>
    public AccessRuleBuilder To(Action<AccessOperationBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new AccessOperationBuilder();
        configure(builder);
        _to = builder.Build();
        return this;
    }

    /// <summary>Adds a condition: the attribute must match one of <paramref name="values"/>.</summary>
    /// <param name="key">The attribute as Istio spells it (<c>request.headers[x-tenant]</c>, <c>source.ip</c>, <c>request.auth.claims[groups]</c>).</param>
    /// <param name="values">Accepted values.</param>
    /// <exception cref="FormatException"><paramref name="key"/> is not a condition key.</exception>
    public AccessRuleBuilder When(string key, params string[] values)
    {
        _when.Add(new AccessCondition { Key = AccessConditionKey.Parse(key), Values = [.. values] });
        return this;
    }

    /// <summary>Adds a condition: the attribute must match none of <paramref name="values"/>.</summary>
    /// <param name="key">The attribute as Istio spells it.</param>
    /// <param name="values">Rejected values.</param>
    /// <exception cref="FormatException"><paramref name="key"/> is not a condition key.</exception>
    public AccessRuleBuilder WhenNot(string key, params string[] values)
    {
        _when.Add(new AccessCondition { Key = AccessConditionKey.Parse(key), NotValues = [.. values] });
        return this;
    }

    internal AccessRule Build() => new() { From = _from, To = _to, When = [.. _when] };
}

/// <summary>Builds the callers of an access rule: alternatives (any matches) and an exclusion (<see cref="Except"/>).</summary>
public sealed class AccessSourceBuilder
{
    private AccessSource _source = new();

    internal AccessSourceBuilder()
    {
    }

    /// <summary>Adds service accounts of this mesh (<c>namespace/name</c>).</summary>
    /// <param name="accounts">The accounts.</param>
    public AccessSourceBuilder ServiceAccounts(params string[] accounts) => Set(s => s with { ServiceAccounts = [.. s.ServiceAccounts, .. accounts.Select(ServiceAccountRef.Parse)] });

    /// <summary>Adds services of the model as callers (<c>name.namespace</c>): their workloads.</summary>
    /// <param name="services">The services.</param>
    public AccessSourceBuilder Services(params string[] services) => Set(s => s with { Services = [.. s.Services, .. services.Select(ServiceRef.Parse)] });

    /// <summary>Adds caller namespaces.</summary>
    /// <param name="namespaces">The namespaces.</param>
    public AccessSourceBuilder Namespaces(params string[] namespaces) => Set(s => s with { Namespaces = [.. s.Namespaces, .. namespaces] });

    /// <summary>Adds peer IP addresses or CIDR blocks.</summary>
    /// <param name="blocks">The blocks.</param>
    public AccessSourceBuilder IpBlocks(params string[] blocks) => Set(s => s with { IpBlocks = [.. s.IpBlocks, .. blocks] });

    /// <summary>Adds the original client's IP addresses or CIDR blocks.</summary>
    /// <param name="blocks">The blocks.</param>
    public AccessSourceBuilder RemoteIpBlocks(params string[] blocks) => Set(s => s with { RemoteIpBlocks = [.. s.RemoteIpBlocks, .. blocks] });

    /// <summary>Adds SPIFFE identities or patterns of them.</summary>
    /// <param name="identities">The identities.</param>
    public AccessSourceBuilder Identities(params string[] identities) => Set(s => s with { Identities = [.. s.Identities, .. identities] });

    /// <summary>Adds request principals (<c>ISSUER/SUBJECT</c> of a verified JWT) or patterns of them.</summary>
    /// <param name="principals">The principals.</param>
    public AccessSourceBuilder RequestPrincipals(params string[] principals) => Set(s => s with { RequestPrincipals = [.. s.RequestPrincipals, .. principals] });

    /// <summary>Matches every caller with a mesh identity.</summary>
    public AccessSourceBuilder Authenticated() => Set(s => s with { Authenticated = true });

    /// <summary>Matches callers without a mesh identity.</summary>
    public AccessSourceBuilder Unauthenticated() => Set(s => s with { Unauthenticated = true });

    /// <summary>Excludes callers.</summary>
    /// <param name="configure">Adds the excluded callers' lists.</param>
    public AccessSourceBuilder Except(Action<AccessSourceBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new AccessSourceBuilder();
        configure(builder);
        return Set(s => s with { Not = builder.Build() });
    }

    internal AccessSource Build() => _source;

    private AccessSourceBuilder Set(Func<AccessSource, AccessSource> change)
    {
        _source = change(_source);
        return this;
    }
}

/// <summary>Builds the requests of an access rule: every list given must match, nothing of <see cref="Except"/> may.</summary>
public sealed class AccessOperationBuilder
{
    private AccessOperation _operation = new();

    internal AccessOperationBuilder()
    {
    }

    /// <summary>Adds destination ports.</summary>
    /// <param name="ports">The ports.</param>
    public AccessOperationBuilder Ports(params int[] ports) => Set(o => o with { Ports = [.. o.Ports, .. ports] });

    /// <summary>Adds HTTP methods.</summary>
    /// <param name="methods">The methods.</param>
    public AccessOperationBuilder Methods(params string[] methods) => Set(o => o with { Methods = [.. o.Methods, .. methods] });

    /// <summary>Adds paths: exact, <c>prefix*</c> or <c>*suffix</c>.</summary>
    /// <param name="paths">The paths.</param>
    public AccessOperationBuilder Paths(params string[] paths) => Set(o => o with { Paths = [.. o.Paths, .. paths] });

    /// <summary>Adds request hosts: exact, <c>prefix*</c> or <c>*suffix</c>.</summary>
    /// <param name="hosts">The hosts.</param>
    public AccessOperationBuilder Hosts(params string[] hosts) => Set(o => o with { Hosts = [.. o.Hosts, .. hosts] });

    /// <summary>Excludes requests.</summary>
    /// <param name="configure">Adds the excluded requests' lists.</param>
    public AccessOperationBuilder Except(Action<AccessOperationBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new AccessOperationBuilder();
        configure(builder);
        return Set(o => o with { Not = builder.Build() });
    }

    internal AccessOperation Build() => _operation;

    private AccessOperationBuilder Set(Func<AccessOperation, AccessOperation> change)
    {
        _operation = change(_operation);
        return this;
    }
}
