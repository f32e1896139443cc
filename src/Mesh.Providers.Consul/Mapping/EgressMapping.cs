using Mesh.Model;
using Mesh.Providers.Consul.Resources;
using Mesh.Providers.Consul.Translation;

namespace Mesh.Providers.Consul.Mapping;

/// <summary>
/// External services → a <c>ServiceDefaults</c> per service with <c>destination{addresses, port}</c> (a transparent-proxy
/// "destination", named after the model's external service; its hosts, and with static resolution its IP addresses after them)
/// linked to one <c>TerminatingGateway</c> (<see cref="ConsulOptions.TerminatingGatewayName"/>). Consul's destination has one
/// port and cannot resolve wildcards.
/// </summary>
internal static partial class EgressMapping
{
    public static TerminatingGateway? ToConsul(ConsulExportContext ctx)
    {
        var externals = ctx.Config.ExternalServices;
        if (externals.Count == 0) return null;
        var gateway = ConsulEntries.Create<TerminatingGateway>(ctx.Options.TerminatingGatewayName, ctx.Options.DefaultNamespace);
        gateway.Spec.Services = [];
        for (var i = 0; i < externals.Count; i++)
        {
            var external = externals[i];
            var path = $"$.spec.externalServices[{i}]";
            var addresses = new List<string>();
            if (external.Resolution == Resolution.None) ctx.ApproximatedOnce($"{path}.resolution", "Consul's destination is resolved by the terminating gateway (DNS); passthrough is not expressible.");
            for (var h = 0; h < external.Hosts.Count; h++)
            {
                var host = external.Hosts[h];
                if (host.Contains('*', StringComparison.Ordinal)) ctx.UnsupportedOnce($"{path}.hosts[{h}]", "Consul destinations name hosts or IP addresses, not wildcards: the host is not written.");
                // The hosts are written with static addresses too: a destination of IP addresses alone names no host the model can read back.
                else addresses.Add(host);
            }
            if (addresses.Count == 0)
            {
                ctx.UnsupportedOnce(path, "The external service has no host Consul can name: it is not written.");
                continue;
            }
            if (external.Resolution == Resolution.Static) addresses.AddRange(external.Addresses);
            else if (external.Addresses.Count > 0)
            {
                ctx.ApproximatedOnce($"{path}.addresses", "Consul's destination is resolved by DNS: the addresses are not written (the service is matched by its hosts only).");
            }
            var port = external.Ports.Count > 0 ? external.Ports[0] : null;
            if (external.Ports.Count > 1) ctx.ApproximatedOnce($"{path}.ports", "A Consul destination has one port: only the first is written.");
            if (port?.Protocol == Protocol.Tls)
            {
                ctx.ApproximatedOnce($"{path}.ports[0].protocol", "Consul destinations speak tcp, http, http2 or grpc: the TLS port is written as tcp (the TLS passes through the terminating gateway) and reads back as TCP.");
            }
            var defaults = ctx.DefaultsOf(new ServiceRef(external.Name, external.Namespace));
            defaults.Spec.Protocol = port is null ? "tcp" : ProtocolMapping.ToConsul(port.Protocol);
            defaults.Spec.Destination = new ServiceDestination { Addresses = addresses, Port = port?.Port };
            gateway.Spec.Services.Add(new LinkedService { Name = external.Name, Namespace = ctx.Enterprise ? external.Namespace : null });
        }
        return gateway.Spec.Services.Count == 0 ? null : gateway;
    }
}
