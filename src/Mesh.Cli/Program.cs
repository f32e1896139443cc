using Mesh.Cli;

// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
var colour = !Console.IsErrorRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
return MeshCli.Run(args, Console.Out, Console.Error, stdin: Console.In, colour: colour);

/// <summary>
/// The entry point, declared internal: with the ASP.NET Core shared framework referenced (for <c>mesh serve-xds</c>), a
/// source generator would otherwise make the top-level <c>Program</c> public.
/// </summary>
internal sealed partial class Program;
