using Mesh.Model;

namespace Mesh.Analysis;

/// <summary>A destination of a rule: the workloads, the port on them that receives the traffic, and the share of the rule's traffic they get.</summary>
/// <param name="Workload">The workloads receiving the traffic.</param>
/// <param name="Port">
/// The port on the workloads: the backend's service port resolved to that port's <see cref="ServicePort.EffectiveTargetPort"/>
/// (a number, or a container port name, compared as such). When the backend names no port it is the service's port if the
/// service has exactly one, else, for a TCP route on one port, that port resolved the same way. A port the model does not
/// declare (an undeclared service, or a port the service lacks) is taken as its own number. Null means the port the request
/// arrived on.
/// </param>
/// <param name="Share">The share of the rule's traffic (for a mirror: of the rule's requests copied).</param>
public sealed record WorkloadShare(Workload Workload, TargetPort? Port, Share Share)
{
    /// <summary>The destination without its share, as <c>namespace{labels}</c> or <c>namespace{labels}:port</c>.</summary>
    public string Destination => Port is null ? Workload.ToString() : $"{Workload}:{Port}";

    /// <summary>The destination and its share, e.g. <c>bookinfo{app=reviews,version=v1}:9080 80%</c>.</summary>
    public override string ToString() => $"{Destination} {Share}";
}
