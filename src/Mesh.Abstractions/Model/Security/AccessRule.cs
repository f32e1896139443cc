namespace Mesh.Model;

/// <summary>One access rule: a request matches when it comes from <see cref="From"/> and goes to <see cref="To"/>.</summary>
public sealed record AccessRule
{
    /// <summary>Who is calling, or null for anyone.</summary>
    public AccessSource? From { get; init; }

    /// <summary>What is being called, or null for anything.</summary>
    public AccessOperation? To { get; init; }
}
