using Mesh.Collections;

namespace Mesh.Model;

/// <summary>
/// One access rule: a request matches when it comes from <see cref="From"/>, goes to <see cref="To"/> and meets every
/// condition of <see cref="When"/>.
/// </summary>
public sealed record AccessRule
{
    /// <summary>Who is calling, or null for anyone.</summary>
    public AccessSource? From { get; init; }

    /// <summary>What is being called, or null for anything.</summary>
    public AccessOperation? To { get; init; }

    /// <summary>Conditions on attributes of the request and connection; all must hold.</summary>
    public EquatableArray<AccessCondition> When { get; init; }
}
