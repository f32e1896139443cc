using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.AppMesh.Resources;
using Mesh.Providers.AppMesh.Translation;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>What a virtual service provides: a routed host (its router), a whole service (its node), or an external host.</summary>
internal sealed record ServiceProvision(ImportDocument<VirtualService> Document, ServiceRef Host, ImportDocument<VirtualRouter>? Router, NodeInfo? Node, bool External);
