using System.Text.Json;
using System.Text.Json.Serialization;

namespace StreamingDemo.Domain.Layouts;

/// <summary>
/// The layout's JSON form (docs/layout.schema.json): camelCase names, enums as camelCase strings, devices keyed by name.
/// Unknown properties are rejected so a typo is an error, not a silently ignored setting.
/// </summary>
public static class LayoutJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions(indented: true);

    private static readonly JsonSerializerOptions Compact = CreateOptions(indented: false);

    public static string Serialize(HomeLayout layout, bool indented = true) =>
        JsonSerializer.Serialize(layout, indented ? Options : Compact);

    /// <summary>Parses a layout document; on failure, a field-level error keyed like the validator's (the JSON path of the problem).</summary>
    public static bool TryParse(string json, out HomeLayout? layout, out IReadOnlyDictionary<string, string[]> errors)
    {
        layout = null;
        try
        {
            layout = JsonSerializer.Deserialize<HomeLayout>(json, Options);
            errors = layout is null ? Single("$", "The document is empty (null).") : new Dictionary<string, string[]>();
            return layout is not null;
        }
        catch (JsonException ex)
        {
            errors = Single(FieldOf(ex.Path), Reason(ex));
            return false;
        }
    }

    public static JsonSerializerOptions CreateOptions(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            AllowTrailingCommas = false,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        return options;
    }

    private static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "$";
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    private static string Reason(JsonException ex)
    {
        var message = ex.Message;
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return "This property is not part of a layout (see docs/layout.schema.json).";
        }

        if (message.Contains("missing required properties", StringComparison.Ordinal))
        {
            return "Required properties are missing: " + message[(message.IndexOf(':', StringComparison.Ordinal) + 1)..].Split('.')[0].Trim() + ".";
        }

        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static Dictionary<string, string[]> Single(string field, string message) => new() { [field] = [message] };
}
