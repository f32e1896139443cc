using System.Reflection;
using Xunit;

namespace Mesh.Providers.Conformance.Suites;

/// <summary>The meta-test helper: every abstract suite of this library must be derived by a provider's test project.</summary>
public static class SuiteCoverage
{
    /// <summary>Every abstract suite a provider owes.</summary>
    public static IReadOnlyList<Type> Suites { get; } =
        [.. typeof(ConformanceSuite).Assembly.GetTypes().Where(t => t.IsAbstract && t.IsClass && !t.IsSealed && t != typeof(ConformanceSuite) && typeof(ConformanceSuite).IsAssignableFrom(t)).OrderBy(t => t.Name, StringComparer.Ordinal)];

    /// <summary>Fails naming each suite that no concrete class of <paramref name="testAssembly"/> derives from.</summary>
    /// <param name="testAssembly">The provider's test assembly.</param>
    public static void AssertEverySuiteDerived(Assembly testAssembly)
    {
        ArgumentNullException.ThrowIfNull(testAssembly);
        var concrete = testAssembly.GetTypes().Where(t => t.IsClass && !t.IsAbstract).ToList();
        var missing = Suites.Where(s => !concrete.Any(s.IsAssignableFrom)).Select(s => s.Name).ToList();
        Assert.True(missing.Count == 0, $"{testAssembly.GetName().Name} skips conformance suites: {string.Join(", ", missing)}.");
    }
}
