namespace Mesh.Cli.Tests;

public class CliSmokeTests
{
    [Fact]
    public void Placeholder_UntilCommandLands() => Assert.Equal(4, 2 + 2);
}
