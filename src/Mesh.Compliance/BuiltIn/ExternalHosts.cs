using Mesh.Model;

namespace Mesh.Compliance.BuiltIn;

/// <summary><c>external-no-wildcard</c>: no external service has a wildcard host or <c>resolution: none</c> (traffic to any address).</summary>
internal sealed class ExternalHosts : BuiltInCheck
{
    public override string Id => "external-no-wildcard";

    public override string Description => "No external service has a wildcard host or resolution none (passthrough to whatever address the caller asked for).";

    public override IEnumerable<Hit> Run(CheckContext context, IReadOnlyDictionary<string, object> parameters)
    {
        foreach (var (e, external) in CheckContext.Items(context.Config.ExternalServices))
        {
            for (var h = 0; h < external.Hosts.Count; h++)
            {
                if (external.Hosts[h] is { } host && host.Contains('*', StringComparison.Ordinal))
                {
                    yield return new Hit($"$.spec.externalServices[{e}].hosts[{h}]", $"External service '{external.Namespace}/{external.Name}' allows the wildcard host '{host}': every name under it is reachable. Name the hosts.", RuleSubject.ExternalServices, external.Namespace, external.Name, default);
                }
            }
            if (external.Resolution == Resolution.None)
            {
                yield return new Hit($"$.spec.externalServices[{e}].resolution", $"External service '{external.Namespace}/{external.Name}' has resolution none: calls go to whatever address the caller asked for. Use dns or static addresses.", RuleSubject.ExternalServices, external.Namespace, external.Name, default);
            }
        }
    }
}
