using System.Globalization;

namespace Mesh.Model;

/// <summary>
/// The port on the workloads that a service port forwards to: a number, or the name of a container port
/// (Kubernetes' <c>targetPort</c>, an IANA service name such as <c>http-web</c>).
/// </summary>
public sealed record TargetPort
{
    private TargetPort(int? number, string? name)
    {
        Number = number;
        Name = name;
    }

    /// <summary>The port number, or null when the target is named.</summary>
    public int? Number { get; }

    /// <summary>The container port name, or null when the target is a number.</summary>
    public string? Name { get; }

    /// <summary>A numeric target port.</summary>
    /// <param name="number">The port number, 1–65535.</param>
    public static TargetPort Of(int number) => new(number, null);

    /// <summary>A named target port (a container port name).</summary>
    /// <param name="name">The container port name.</param>
    public static TargetPort Named(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new(null, name);
    }

    /// <summary>A numeric target port.</summary>
    /// <param name="number">The port number.</param>
    public static implicit operator TargetPort(int number) => Of(number);

    /// <summary>The number, or the name, as written in YAML.</summary>
    public override string ToString() => Name ?? Number!.Value.ToString(CultureInfo.InvariantCulture);
}
