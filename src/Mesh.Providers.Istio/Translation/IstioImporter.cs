using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Istio.Mapping;
using Mesh.Providers.Istio.Resources;
using Mesh.Translation;

namespace Mesh.Providers.Istio.Translation;

/// <summary>
/// Istio resources and core Services → model. Services and DestinationRules are read first, so the services' selectors,
/// ports and subsets are known when routes and policies refer to them, and Gateways before the VirtualServices bound to
/// them; each kind is read by its mapping in <c>Mapping/</c>.
/// </summary>
internal static class IstioImporter
{
    public static ImportResult Import(IReadOnlyList<(object Resource, string Source)> resources, IstioImportContext ctx, ImportOptions? options)
    {
        var model = ctx.Model;
        // ServiceEntry hosts first: routes, rules and policies on them are the external services'.
        foreach (var (resource, _) in resources)
        {
            if (resource is not ServiceEntry { Metadata.Name: { } entryName, Spec.Hosts: { } hosts } se || !Mesh.Validation.DnsNames.IsDnsLabel(entryName)) continue;
            var reference = new ServiceRef(entryName, ctx.NamespaceOf(se));
            foreach (var host in hosts) if (!string.IsNullOrEmpty(host)) ctx.ExternalHosts.TryAdd(host, reference);
        }
        foreach (var (resource, source) in resources)
        {
            if (resource is DestinationRule dr) DestinationRuleMapping.ServiceToModel(dr, ctx.NamespaceOf(dr), source, model, ctx);
            else if (resource is CoreService service) CoreServiceMapping.ToModel(service, source, model, ctx);
            else if (resource is Resources.Gateway gateway)
            {
                // Before VirtualServices, which bind to gateways.
                ctx.ReportMetadata(gateway.Metadata, source);
                GatewayMapping.ToModel(gateway, ctx.NamespaceOf(gateway), source, model, ctx);
            }
        }
        new ImportHandlers()
            .On<CoreService>((_, _) => { /* read in the first pass */ })
            .On<Resources.Gateway>((_, _) => { /* read in the first pass */ })
            .On<VirtualService>((vs, source) =>
            {
                ctx.ReportMetadata(vs.Metadata, source);
                VirtualServiceMapping.ToModel(vs, ctx.NamespaceOf(vs), source, model, ctx);
            })
            .On<DestinationRule>((dr, source) =>
            {
                ctx.ReportMetadata(dr.Metadata, source);
                DestinationRuleMapping.PoliciesToModel(dr, ctx.NamespaceOf(dr), source, model, ctx);
            })
            .On<ServiceEntry>((se, source) =>
            {
                ctx.ReportMetadata(se.Metadata, source);
                EgressMapping.ToModel(se, ctx.NamespaceOf(se), source, model, ctx);
            })
            .On<PeerAuthentication>((pa, source) =>
            {
                ctx.ReportMetadata(pa.Metadata, source);
                MtlsMapping.ToModel(pa, ctx.NamespaceOf(pa), source, model, ctx);
            })
            .On<AuthorizationPolicy>((ap, source) =>
            {
                ctx.ReportMetadata(ap.Metadata, source);
                AccessPolicyMapping.ToModel(ap, ctx.NamespaceOf(ap), source, model, ctx);
            })
            .On<Resources.RequestAuthentication>((ra, source) =>
            {
                ctx.ReportMetadata(ra.Metadata, source);
                RequestAuthenticationMapping.ToModel(ra, ctx.NamespaceOf(ra), source, model, ctx);
            })
            .On<Telemetry>((telemetry, source) =>
            {
                ctx.ReportMetadata(telemetry.Metadata, source);
                TelemetryMapping.ToModel(telemetry, ctx.NamespaceOf(telemetry), source, model, ctx);
            })
            .On<Sidecar>((sidecar, source) =>
            {
                ctx.ReportMetadata(sidecar.Metadata, source);
                OutboundMapping.ToModel(sidecar, ctx.NamespaceOf(sidecar), source, model, ctx);
            })
            .Dispatch(resources, ctx, "an Istio resource this provider reads");
        var name = options?.ModelName ?? "imported";
        var config = ctx.HasErrors ? new MeshConfig { Name = name } : model.Build(name);
        return ImportResult.Create(config, ctx.Diagnostics, options);
    }
}
