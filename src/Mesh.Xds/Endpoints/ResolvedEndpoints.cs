namespace Mesh.Xds;

/// <summary>
/// The endpoints of every cluster of one plan, by cluster position: its service port's list and, for a subset,
/// which of the list's endpoints it selects (null for the whole service).
/// </summary>
/// <param name="Lists">Each cluster's endpoint list.</param>
/// <param name="Selections">Each cluster's selection, or null when it takes every endpoint.</param>
internal sealed record ResolvedEndpoints(EndpointList[] Lists, bool[]?[] Selections);
