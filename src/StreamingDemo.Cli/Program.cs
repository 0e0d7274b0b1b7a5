using Spectre.Console;
using StreamingDemo.Cli.Commands;

// The same services as the web app, driven from the command line: seed, evaluate, import, bench.
var verb = args.Length > 0 ? args[0] : "help";
var rest = args.Skip(1).ToArray();
try
{
    return verb switch
    {
        "seed" => await SeedCommand.RunAsync(rest),
        "evaluate" => await EvaluateCommand.RunAsync(rest),
        "train" => await TrainCommand.RunAsync(rest),
        "import" => await ImportCommand.RunAsync(rest),
        "home" => await HomeCommand.RunAsync(rest),
        "help" or "--help" or "-h" => Usage.Print(),
        _ => Usage.Fail($"Unknown command '{verb}'."),
    };
}
catch (CommandLineException error)
{
    return Usage.Fail(error.Message);
}
