using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using StreamingDemo.Data;

namespace StreamingDemo.Web.Features.Presenter;

/// <summary>
/// The one presenter key of this server: configured, or generated on first run and kept beside the database.
/// Only its SHA-256 is held after loading; candidates are hashed and compared in constant time.
/// </summary>
public sealed class PresenterKey
{
    // No look-alike characters (0/o, 1/l/i), so a key read off a projector can be typed.
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
    private const int GeneratedLength = 24;

    private readonly Lazy<Loaded> loaded;

    /// <summary>The generated key, only until <see cref="TakeKeyToAnnounce"/> hands it over for the one console print.</summary>
    private string? toAnnounce;

    public PresenterKey(IOptions<PresenterOptions> options, StoreLocation store)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        var settings = options.Value;
        var folder = Path.GetDirectoryName(store.SeededPath) ?? ".";
        KeyFilePath = Path.IsPathRooted(settings.KeyFile) ? settings.KeyFile : Path.GetFullPath(Path.Combine(folder, settings.KeyFile));
        loaded = new Lazy<Loaded>(() => Load(settings.Key), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string KeyFilePath { get; }

    /// <summary>Where the key came from, for the start-up message: configuration, the key file, or generated now.</summary>
    public PresenterKeySource Source => loaded.Value.Source;

    /// <summary>A short fingerprint of the current key, carried in the sign-in cookie so a changed key signs everyone out.</summary>
    public string Fingerprint => loaded.Value.Fingerprint;

    /// <summary>Returns the freshly generated key once (null afterwards, or when it was configured or read from the file).</summary>
    public string? TakeKeyToAnnounce()
    {
        _ = loaded.Value;
        return Interlocked.Exchange(ref toAnnounce, null);
    }

    /// <summary>True when <paramref name="candidate"/> is the presenter key (surrounding whitespace from copy and paste ignored).</summary>
    public bool Matches(string? candidate)
    {
        if (string.IsNullOrWhiteSpace(candidate) || candidate.Length > 1024)
        {
            return false;
        }

        var hash = Hash(candidate.Trim());
        return CryptographicOperations.FixedTimeEquals(hash, loaded.Value.Hash);
    }

    /// <summary>True when a cookie's fingerprint belongs to the current key.</summary>
    public bool IsCurrentFingerprint(string? fingerprint) =>
        fingerprint is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(fingerprint), Encoding.ASCII.GetBytes(Fingerprint));

    private Loaded Load(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var trimmed = configured.Trim();
            if (trimmed.Length < PresenterOptions.MinimumKeyLength)
            {
                throw new InvalidOperationException($"Presenter:Key must be at least {PresenterOptions.MinimumKeyLength} characters.");
            }

            return new Loaded(Hash(trimmed), PresenterKeySource.Configuration);
        }

        if (File.Exists(KeyFilePath))
        {
            var stored = File.ReadAllText(KeyFilePath).Trim();
            if (stored.Length >= PresenterOptions.MinimumKeyLength)
            {
                return new Loaded(Hash(stored), PresenterKeySource.KeyFile);
            }
        }

        var key = RandomNumberGenerator.GetString(Alphabet, GeneratedLength);
        Write(KeyFilePath, key);
        toAnnounce = key;
        return new Loaded(Hash(key), PresenterKeySource.Generated);
    }

    /// <summary>Temp file then rename, readable by the owner only: a crash never leaves a half-written key.</summary>
    private static void Write(string path, string key)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temp, options))
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
        {
            writer.WriteLine(key);
        }

        File.Move(temp, path, overwrite: true);
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private sealed record Loaded(byte[] Hash, PresenterKeySource Source)
    {
        public string Fingerprint { get; } = Convert.ToHexStringLower(SHA256.HashData(Hash))[..16];
    }
}

public enum PresenterKeySource
{
    Configuration,
    KeyFile,
    Generated,
}
