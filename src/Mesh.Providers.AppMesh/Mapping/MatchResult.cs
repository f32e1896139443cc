using System.Text;
using Mesh.Collections;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.AppMesh.Resources;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>A route's match read into the model: null when the input is invalid; <see cref="Broadened"/> when a condition was dropped.</summary>
internal sealed record MatchResult(HttpMatch Match, bool Broadened);
