using System.Globalization;
using Mesh.Collections;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.AppMesh.Resources;
using Mesh.Providers.AppMesh.Translation;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>One model rule being regrouped from its App Mesh routes.</summary>
internal sealed record RuleDraft(HttpMatch Match, List<WeightedBackend> Backends, Model.RetryPolicy? Retry, TimeSpan? Timeout);
