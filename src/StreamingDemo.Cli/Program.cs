using System.CommandLine;
using StreamingDemo.Cli.Commands;

// The same services as the web app, driven from the command line: seed, evaluate, train, import, home.
var root = new RootCommand("StreamingDemo.Cli — seed, evaluate, train, import and inspect the StreamingDemo store");
root.Subcommands.Add(SeedCommand.Create());
root.Subcommands.Add(EvaluateCommand.Create());
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(HomeCommand.Create());
return await root.Parse(args).InvokeAsync();
