using System.Globalization;
using Mesh.Collections;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.AppMesh.Resources;
using Mesh.Providers.AppMesh.Translation;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>The model routes one router gives its host.</summary>
internal sealed record RouterRoutes(List<HttpRoute> Http, List<TcpRoute> Tcp);
