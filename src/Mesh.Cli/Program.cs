using Mesh.Cli;

return MeshCli.Run(args, Console.Out, Console.Error, stdin: Console.In);
