using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace StreamingDemo.Cli.Commands;

/// <summary>A usage error found once the values are parsed (a missing file, contradictory values): printed in red, exit code 2.</summary>
public sealed class CommandLineException(string message) : Exception(message);

/// <summary>How every verb runs: parse errors are System.CommandLine's (with the verb's help); usage and settings errors exit 2.</summary>
internal static class CommandLine
{
    public const int UsageError = 2;

    /// <summary>Sets the verb's action, turning <see cref="CommandLineException"/> and invalid settings into a clear message and exit code 2.</summary>
    public static Command WithAction(this Command command, Func<ParseResult, CancellationToken, Task<int>> action)
    {
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                return await action(parse, cancellationToken);
            }
            catch (CommandLineException error)
            {
                return Fail(error.Message);
            }
            catch (OptionsValidationException error)
            {
                return Fail(string.Join(" ", error.Failures));
            }
        });
        return command;
    }

    /// <summary>An option that must name an existing file, given as a path.</summary>
    public static Option<FileInfo> ExistingFile(string name, string description) => new Option<FileInfo>(name)
    {
        Description = description,
        Required = true,
        HelpName = "PATH",
    }.AcceptExistingOnly();

    private static int Fail(string message)
    {
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{message}[/]");
        return UsageError;
    }
}
