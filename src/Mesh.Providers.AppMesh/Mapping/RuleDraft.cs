using Mesh.Model;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>
/// One App Mesh route being regrouped into a model rule: its match, its targets with the ports as written, and the listener
/// port it matches on a router with several listeners (where a rule is repeated per port; see <see cref="RuleGroups"/>).
/// </summary>
internal sealed record RuleDraft(HttpMatch Match, List<WeightedBackend> Backends, Model.RetryPolicy? Retry, TimeSpan? Timeout, int? ListenerPort);
