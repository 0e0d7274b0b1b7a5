using System.Globalization;
using StreamingDemo.Domain;

namespace StreamingDemo.Web.Features.Studio;

/// <summary>
/// Which pages to put side by side (M1): two or three (profile, device) pairs. A single profile or device applies to every
/// page, so "one profile on two devices" is <c>profiles=12&amp;device=tv,phone</c>.
/// </summary>
public sealed record CompareRequest(IReadOnlyList<(int ProfileId, DeviceType Device)> Pages)
{
    public const int MaxPages = 3;

    public IEnumerable<int> ProfileIds => Pages.Select(p => p.ProfileId);

    /// <summary>The query string that reopens this comparison.</summary>
    public string ToQuery()
    {
        var profiles = Pages.Select(p => p.ProfileId).ToList();
        var devices = Pages.Select(p => p.Device).ToList();
        var profilePart = profiles.Distinct().Count() == 1 ? profiles[0].ToString(CultureInfo.InvariantCulture) : string.Join(',', profiles);
        var devicePart = devices.Distinct().Count() == 1 ? DeviceName(devices[0]) : string.Join(',', devices.Select(DeviceName));
        return $"profiles={profilePart}&device={devicePart}";
    }

    public static string DeviceName(DeviceType device) => device.ToString().ToLowerInvariant();

    /// <summary>Reads the query values; on bad input returns null and a message saying what to fix.</summary>
    public static CompareRequest? TryParse(string? profiles, string? device, out string? error)
    {
        error = null;
        var ids = new List<int>();
        foreach (var part in Split(profiles))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
            {
                error = $"\"{part}\" is not a profile id. Use numbers separated by commas, e.g. profiles=12,40.";
                return null;
            }

            ids.Add(id);
        }

        var devices = new List<DeviceType>();
        foreach (var part in Split(device))
        {
            if (!Enum.TryParse<DeviceType>(part, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(part, out _))
            {
                error = $"\"{part}\" is not a device. Use tv, desktop, tablet or phone.";
                return null;
            }

            devices.Add(parsed);
        }

        if (devices.Count == 0)
        {
            devices.Add(DeviceType.Desktop);
        }

        if (ids.Count == 0)
        {
            error = "Choose at least one profile.";
            return null;
        }

        if (ids.Count > 1 && devices.Count > 1 && ids.Count != devices.Count)
        {
            error = $"{ids.Count} profiles and {devices.Count} devices do not pair up: give one device for all, or one per profile.";
            return null;
        }

        var count = Math.Max(ids.Count, devices.Count);
        if (count < 2)
        {
            error = "A comparison needs two pages: add a second profile, or a second device for the same profile.";
            return null;
        }

        if (count > MaxPages)
        {
            error = $"At most {MaxPages} pages fit side by side.";
            return null;
        }

        return new CompareRequest([.. Enumerable.Range(0, count).Select(i => (ids[ids.Count == 1 ? 0 : i], devices[devices.Count == 1 ? 0 : i]))]);
    }

    private static string[] Split(string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
