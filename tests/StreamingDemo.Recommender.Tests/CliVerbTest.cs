using Microsoft.Data.Sqlite;
using Spectre.Console;

namespace StreamingDemo.Recommender.Tests;

/// <summary>
/// For tests of CLI verbs: a scratch directory of the test's own, and Spectre's console captured (wide, so a message stays on
/// one line). Tests that swap the global console run one at a time: mark them <c>[Collection(nameof(ConsoleCollection))]</c>.
/// </summary>
public abstract class CliVerbTest : IDisposable
{
    protected static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "MovieLensFormat");

    private readonly IAnsiConsole previous = AnsiConsole.Console;

    protected CliVerbTest()
    {
        Directory.CreateDirectory(Scratch);
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        AnsiConsole.Console.Profile.Width = 400;
    }

    protected string Scratch { get; } = Path.Combine(Path.GetTempPath(), "streamingdemo-cli-" + Guid.NewGuid().ToString("N"));

    protected StringWriter Output { get; } = new();

    public void Dispose()
    {
        AnsiConsole.Console = previous;
        Output.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Scratch, recursive: true);
        GC.SuppressFinalize(this);
    }
}

/// <summary>Tests that swap Spectre's global console run one at a time.</summary>
[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;
