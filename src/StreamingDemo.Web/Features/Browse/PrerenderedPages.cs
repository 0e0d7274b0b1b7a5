using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace StreamingDemo.Web.Features.Browse;

/// <summary>
/// Home pages prerendering composed, held for the circuit that follows (ADR 0031) under a random token the page carries
/// as persistent component state: a few bytes through the browser, not the page itself (a whole home page as state is
/// about 380 KB of base64, over the circuit's 32 KB message limit). Each is taken once; unclaimed ones expire.
/// </summary>
public sealed class PrerenderedPages
{
    /// <summary>How long a prerendered page waits for its circuit (a starved browser can take a while to connect).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    // Real elapsed time (Environment.TickCount64), not the site's demo clock, which the presenter can move.
    private readonly ConcurrentDictionary<string, (HomeView View, long Until)> pages = new(StringComparer.Ordinal);

    public int Count => pages.Count;

    /// <summary>Holds <paramref name="view"/> and returns its token; drops pages whose circuit never came.</summary>
    public string Keep(HomeView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var now = Environment.TickCount64;
        foreach (var (key, held) in pages)
        {
            if (held.Until < now)
            {
                pages.TryRemove(key, out _);
            }
        }

        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        pages[token] = (view, now + (long)Lifetime.TotalMilliseconds);
        return token;
    }

    /// <summary>The page held under <paramref name="token"/>, removed; null when unknown or expired.</summary>
    public HomeView? Take(string? token) =>
        token is not null && pages.TryRemove(token, out var held) && held.Until >= Environment.TickCount64 ? held.View : null;
}
