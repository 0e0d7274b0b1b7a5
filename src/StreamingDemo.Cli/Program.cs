using System.CommandLine;
using StreamingDemo.Cli.Commands;

// The same services as the web app, driven from the command line: seed, evaluate, train, import.
var root = new RootCommand("StreamingDemo.Cli — seed, evaluate, train and import the StreamingDemo store");
root.Subcommands.Add(SeedCommand.Create());
root.Subcommands.Add(EvaluateCommand.Create());
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(ImportCommand.Create());
return await root.Parse(args).InvokeAsync();
