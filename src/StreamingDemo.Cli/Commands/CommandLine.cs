using System.Globalization;
using Spectre.Console;

namespace StreamingDemo.Cli.Commands;

/// <summary>A usage error: printed in red with the usage, exit code 2.</summary>
public sealed class CommandLineException(string message) : Exception(message);

/// <summary>Minimal `--name value` option parsing; unknown options are errors, not silently ignored.</summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string?> values = new(StringComparer.Ordinal);

    public CommandLine(string[] args, IEnumerable<string> valueOptions, IEnumerable<string>? flags = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var withValue = valueOptions.ToHashSet(StringComparer.Ordinal);
        var switches = (flags ?? []).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (switches.Contains(name))
            {
                values[name] = null;
            }
            else if (withValue.Contains(name))
            {
                if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new CommandLineException($"Option {name} needs a value.");
                }

                values[name] = args[++i];
            }
            else
            {
                throw new CommandLineException($"Unknown option '{name}'.");
            }
        }
    }

    public bool Has(string name) => values.ContainsKey(name);

    public string? Get(string name) => values.GetValueOrDefault(name);

    public int GetInt(string name, int fallback)
    {
        var value = Get(name);
        if (value is null)
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new CommandLineException($"Option {name} must be a whole number, not '{value}'.");
    }
}

public static class Usage
{
    public static int Print()
    {
        AnsiConsole.MarkupLine("[bold]StreamingDemo.Cli[/] — seed, evaluate and import the StreamingDemo store");
        AnsiConsole.WriteLine();
        AnsiConsole.WriteLine("  seed     --preset demo|large|small --seed N --db PATH [--compare-writes ROWS]");
        AnsiConsole.WriteLine("           create a deterministic store; optionally time EF Core against the bulk writer on ROWS sessions");
        AnsiConsole.WriteLine("  evaluate [--db PATH | --preset demo --seed N] [--protocol random-80-20|leave-last-out] [--json]");
        AnsiConsole.WriteLine("  train    --db PATH                                      train the recommender, save it in models/ beside the store");
        AnsiConsole.WriteLine("  home     --db PATH --profile ID [--device desktop|tv|tablet|phone] [--visit N]");
        AnsiConsole.WriteLine("           the profile's home page rows as JSON, from the model the site would serve");
        AnsiConsole.WriteLine("  import   --ratings ratings.csv --movies movies.csv --db PATH [--thumbs-up-at 4] [--thumbs-down-at 2] [--love-at X]");
        return 0;
    }

    public static int Fail(string message)
    {
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{message}[/]");
        Print();
        return 2;
    }
}
