using CsCheck;
using Mesh.Model;

namespace Mesh.Providers.Linkerd.Tests.Generators;

/// <summary>
/// Models whose access policies Linkerd writes and reads back exactly: allow policies of one rule with one kind of source
/// (service accounts, namespaces with or without service accounts, IP blocks, or anyone), targeting a one-port service of
/// their namespace (with methods and exact or <c>/…/*</c> paths on HTTP ports) or the whole namespace.
/// </summary>
internal static class AuthorizationModels
{
    private static readonly string[] Namespaces = ["shop", "ops", "bookinfo"];

    private static readonly Gen<MeshService> Service = Gen.Select(
        Gen.OneOf("web", "api", "db"), Gen.OneOf(Namespaces), Gen.Int[1, 65535], Gen.OneOf(Protocol.Http, Protocol.Http2, Protocol.Grpc, Protocol.Tcp, Protocol.Tls),
        (name, ns, port, protocol) => new MeshService { Name = name, Namespace = ns, Ports = [new ServicePort { Port = port, Protocol = protocol }] });

    private static readonly Gen<AccessSource?> Source = Gen.OneOf(
        Gen.Const((AccessSource?)null),
        Gen.Select(Gen.OneOf(Namespaces), Gen.OneOf("web", "default", "ingress"), (ns, sa) => new ServiceAccountRef(ns, sa)).ArrayUnique[1, 2]
            .Select(a => (AccessSource?)new AccessSource { ServiceAccounts = [.. a] }),
        Gen.Select(Gen.OneOf(Namespaces).ArrayUnique[1, 2], Gen.Select(Gen.OneOf(Namespaces), Gen.OneOf("web", "default"), (ns, sa) => new ServiceAccountRef(ns, sa)).ArrayUnique[0, 2],
            (ns, a) => (AccessSource?)new AccessSource { Namespaces = [.. ns], ServiceAccounts = [.. a] }),
        Gen.OneOf("10.0.0.0/8", "192.168.1.0/24", "2001:db8::/32", "203.0.113.7").ArrayUnique[1, 2].Select(b => (AccessSource?)new AccessSource { IpBlocks = [.. b] }));

    private static readonly Gen<AccessOperation?> Operation = Gen.Select(
        Gen.OneOf("GET", "POST", "DELETE").ArrayUnique[0, 2], Gen.OneOf("/health", "/api/*", "/*", "/v1/items").ArrayUnique[0, 2],
        (methods, paths) => methods.Length + paths.Length == 0 ? null : new AccessOperation { Methods = [.. methods], Paths = [.. paths] });

    public static Gen<MeshConfig> Config { get; } = Service.ArrayUnique[1, 3].SelectMany(services =>
    {
        var distinct = services.DistinctBy(s => s.Reference).ToArray();
        var policy = Gen.Select(Gen.Int[0, 99], Source, Operation, Gen.Int[0, 4], (pick, from, to, kind) =>
        {
            var service = distinct[pick % distinct.Length];
            var http = service.Ports[0].Protocol is Protocol.Http or Protocol.Http2 or Protocol.Grpc;
            return kind == 0
                ? (Policy: new AccessPolicy { Name = "x", Namespace = service.Namespace, Action = AccessAction.Allow, Rules = [new AccessRule { From = from }] }, Service: (MeshService?)null)
                : (Policy: new AccessPolicy { Name = "x", Namespace = service.Namespace, Target = new PolicyTarget { Service = service.Reference }, Action = AccessAction.Allow, Rules = [new AccessRule { From = from, To = http ? to : null }] }, Service: service);
        });
        return policy.Array[1, 4].Select(policies =>
        {
            var named = policies.Select((p, i) => p with { Policy = p.Policy with { Name = $"allow{i}" } }).ToList();
            return new MeshConfig
            {
                Name = "imported",
                Services = [.. named.Where(p => p.Service is not null).Select(p => p.Service!).DistinctBy(s => s.Reference)],
                AccessPolicies = [.. named.Select(p => p.Policy)],
            }.Normalize();
        });
    });
}
