using Mesh.Collections;
using Mesh.Model;
using Mesh.Validation;

namespace Mesh.Kubernetes;

/// <summary>
/// Core <c>v1</c> Service → model service: the selector, and each TCP port with its name, number, target port and protocol —
/// from <c>appProtocol</c> (<see cref="AppProtocols"/>), else from the port name's prefix (<c>http</c>, <c>http2</c>,
/// <c>grpc</c>, <c>tcp</c>, <c>tls</c>, <c>https</c>, as Istio reads it), else the provider's fallback, else HTTP (which the
/// meshes detect). What the model cannot hold is reported at its path.
/// </summary>
public static class CoreServiceReader
{
    /// <summary>Reads <paramref name="service"/>.</summary>
    /// <param name="service">The Service.</param>
    /// <param name="name">Its name (from <see cref="ImportContext.NameOf"/>).</param>
    /// <param name="ns">Its namespace.</param>
    /// <param name="source">Its source name.</param>
    /// <param name="ctx">The import context.</param>
    /// <param name="fallback">The provider's protocol for a port with neither <c>appProtocol</c> nor a protocol name prefix, or null for HTTP.</param>
    /// <returns>The model service, or null when the Service has no name.</returns>
    public static MeshService? Read(CoreService service, string name, string ns, string source, ImportContext ctx, Func<CoreServicePort, Protocol?>? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(ctx);
        if (name.Length == 0) return null;
        var spec = service.Spec;
        var selector = new Dictionary<string, string>(StringComparer.Ordinal);
        if (spec?.Selector is { Count: > 0 } labels)
        {
            foreach (var (key, value) in labels)
            {
                if (KubernetesNames.IsLabelKey(key) && KubernetesNames.IsLabelValue(value)) selector[key] = value;
                else ctx.Invalid(source, "$.spec.selector" + JsonPaths.Segment(key), $"'{key}: {value}' is not a Kubernetes label; the selector is read without it.");
            }
        }
        else
        {
            ctx.NotImported(source, "$.spec", $"The Service has no selector (its endpoints are managed outside Kubernetes' selection); the model takes its workloads to be the default selector {{ app: {name} }}.");
        }
        var ports = new List<ServicePort>();
        var seen = new HashSet<int>();
        var list = spec?.Ports ?? [];
        for (var k = 0; k < list.Count; k++)
        {
            if (list[k] is not { } p) continue;
            var path = $"$.spec.ports[{k}]";
            if (p.Port is not { } number || number is < 1 or > 65535)
            {
                ctx.Invalid(source, $"{path}.port", "A Service port needs a port number between 1 and 65535; the port is not imported.");
                continue;
            }
            if (p.Protocol is not (null or "TCP"))
            {
                ctx.NotImported(source, path, $"The model's ports are TCP ports; this {p.Protocol} port is not imported.");
                continue;
            }
            if (!seen.Add(number))
            {
                ctx.Invalid(source, path, $"Port {number} is declared twice in this Service; this one is not imported.");
                continue;
            }
            var portName = p.Name is "" ? null : p.Name;
            if (portName is not null && !DnsNames.IsDnsLabel(portName))
            {
                ctx.NotImported(source, $"{path}.name", $"'{portName}' is not a port name the model takes (a DNS label); the port is read without it.");
                portName = null;
            }
            TargetPort? target = p.TargetPort switch
            {
                int t when t is >= 1 and <= 65535 => TargetPort.Of(t),
                string s when int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var t) && t is >= 1 and <= 65535 => TargetPort.Of(t),
                string s when KubernetesNames.IsPortName(s) => TargetPort.Named(s),
                null or "" => null,
                _ => Invalid(ctx, source, $"{path}.targetPort", p.TargetPort),
            };
            var protocol = AppProtocols.Parse(p.AppProtocol) ?? FromName(portName) ?? fallback?.Invoke(p) ?? Protocol.Http;
            if (p.AppProtocol is not null && AppProtocols.Parse(p.AppProtocol) is null)
            {
                ctx.NotImportedInfo(source, $"{path}.appProtocol", $"appProtocol '{p.AppProtocol}' names no protocol of the model; the port is read as {WireNames.Of(protocol)}.");
            }
            ports.Add(new ServicePort { Name = portName, Port = number, Protocol = protocol, TargetPort = target });
        }
        return new MeshService
        {
            Name = name,
            Namespace = ns,
            Selector = selector.ToEquatableMap(),
            Ports = [.. ports],
        };
    }

    /// <summary>The protocol a port name's prefix names (<c>http</c>, <c>http-web</c>, <c>grpc-api</c>, …), as Istio selects it, or null.</summary>
    /// <param name="portName">The port name, or null.</param>
    /// <returns>The protocol, or null.</returns>
    public static Protocol? FromName(string? portName)
    {
        if (portName is null) return null;
        var dash = portName.IndexOf('-', StringComparison.Ordinal);
        return (dash < 0 ? portName : portName[..dash]) switch
        {
            "http" => Protocol.Http,
            "http2" => Protocol.Http2,
            "grpc" => Protocol.Grpc,
            "tcp" => Protocol.Tcp,
            "tls" or "https" => Protocol.Tls,
            _ => null,
        };
    }

    private static TargetPort? Invalid(ImportContext ctx, string source, string path, object? value)
    {
        ctx.Invalid(source, path, $"'{value}' is neither a port number (1–65535) nor a container port name; the target port is read as the port itself.");
        return null;
    }
}
