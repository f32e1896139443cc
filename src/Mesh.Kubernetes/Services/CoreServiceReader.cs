using System.Globalization;
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
        var selector = ReadSelector(spec?.Selector, name, source, ctx, reportMissing: true);
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
            TryReadTargetPort(p.TargetPort, source, $"{path}.targetPort", ctx, "the target port is read as the port itself", out var target);
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
            Selector = selector,
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

    /// <summary>A Service's selector, each label checked (an invalid one is reported at its path and left out).</summary>
    /// <param name="labels">The selector, or null.</param>
    /// <param name="name">The Service's name (for the default selector named in the report).</param>
    /// <param name="source">Its source name.</param>
    /// <param name="ctx">The import context.</param>
    /// <param name="reportMissing">Whether a Service without a selector is reported.</param>
    /// <returns>The selector; empty when there is none (the model's default).</returns>
    public static EquatableMap<string> ReadSelector(IReadOnlyDictionary<string, string>? labels, string name, string source, ImportContext ctx, bool reportMissing)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        if (labels is not { Count: > 0 })
        {
            if (reportMissing) ctx.NotImported(source, "$.spec", $"The Service has no selector (its endpoints are managed outside Kubernetes' selection); the model takes its workloads to be the default selector {{ app: {name} }}.");
            return EquatableMap<string>.Empty;
        }
        var selector = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in labels)
        {
            if (KubernetesNames.IsLabelKey(key) && KubernetesNames.IsLabelValue(value)) selector[key] = value;
            else ctx.Invalid(source, "$.spec.selector" + JsonPaths.Segment(key), $"'{key}: {value}' is not a Kubernetes label; the selector is read without it.");
        }
        return selector.ToEquatableMap();
    }

    /// <summary>
    /// A port's <c>targetPort</c>: a number 1–65535 (of any integer type — KubernetesClient's YAML loader gives the smallest
    /// that holds it — or a numeric string), a container port name, or absent (null: the port itself).
    /// </summary>
    /// <param name="value">The value.</param>
    /// <param name="source">Its source name.</param>
    /// <param name="path">Its path.</param>
    /// <param name="ctx">The import context (an invalid value is reported there).</param>
    /// <param name="consequence">What the caller does with an invalid value, for the report.</param>
    /// <param name="target">The target port, or null.</param>
    /// <returns>False when the value is neither, and was reported.</returns>
    public static bool TryReadTargetPort(object? value, string source, string path, ImportContext ctx, string consequence, out TargetPort? target)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        target = null;
        switch (value)
        {
            case null or "":
                return true;
            case byte or sbyte or short or ushort or int or uint or long or ulong when Convert.ToDecimal(value, CultureInfo.InvariantCulture) is >= 1 and <= 65535 and var number:
                target = TargetPort.Of((int)number);
                return true;
            case string text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 65535:
                target = TargetPort.Of(number);
                return true;
            case string text when KubernetesNames.IsPortName(text):
                target = TargetPort.Named(text);
                return true;
            default:
                ctx.Invalid(source, path, $"'{value}' is neither a port number (1–65535) nor a container port name; {consequence}.");
                return false;
        }
    }
}
