namespace Mesh.Builders;

/// <summary>Collects the ordered rules of an HTTP route.</summary>
public sealed class HttpRouteBuilder
{
    internal HttpRouteBuilder()
    {
    }

    internal List<Model.HttpRouteRule> Rules { get; } = [];

    /// <summary>Appends a rule; rules are matched in the order added.</summary>
    /// <param name="configure">Sets the rule's matches, backends and policies.</param>
    public HttpRouteBuilder Rule(Action<HttpRuleBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new HttpRuleBuilder();
        configure(builder);
        Rules.Add(builder.Build());
        return this;
    }
}
