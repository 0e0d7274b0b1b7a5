using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StreamingDemo.Data;
using StreamingDemo.Domain;
using StreamingDemo.Web.Features.Feedback;
using StreamingDemo.Web.Features.Operations;

namespace StreamingDemo.Web.Tests;

/// <summary>The gate between writes and store replacements: a reset never swallows a write.</summary>
public sealed class StoreWriteGateTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AReplacementWaitsForTheWriteInFlightAndALaterWriteWaitsForTheReplacement()
    {
        using var gate = new StoreWriteGate();
        var order = new ConcurrentQueue<string>();
        var writing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finishWrite = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finishReplace = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var first = gate.WriteAsync(async () =>
        {
            writing.SetResult();
            await finishWrite.Task;
            order.Enqueue("first write saved");
            return 1;
        }, Cancel);
        await writing.Task;
        var replace = gate.ReplaceAsync(async () =>
        {
            order.Enqueue("store replaced");
            await finishReplace.Task;
            return 0;
        }, Cancel);
        await Task.Delay(50, Cancel);
        Assert.Empty(order);

        finishWrite.SetResult();
        await first;
        while (!gate.IsReplacing || order.Count < 2)
        {
            await Task.Delay(5, Cancel);
        }

        var second = gate.WriteAsync(() =>
        {
            order.Enqueue("second write saved");
            return Task.FromResult(2);
        }, Cancel);
        await Task.Delay(50, Cancel);
        Assert.False(second.IsCompleted);

        finishReplace.SetResult();
        await replace;
        await second;

        Assert.Equal(["first write saved", "store replaced", "second write saved"], order);
    }

    [Fact]
    public async Task AWriteInsideAWriteDoesNotWaitForAReplacementQueuedBehindTheOuterOne()
    {
        using var gate = new StoreWriteGate();
        var outerInside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var replaceQueued = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var outer = gate.WriteAsync(async () =>
        {
            outerInside.SetResult();
            await replaceQueued.Task;
            // Onboarding saves its picks from inside its own write: that must not deadlock on the waiting reset.
            return await gate.WriteAsync(() => Task.FromResult("picks saved"), Cancel);
        }, Cancel);
        await outerInside.Task;
        var replace = gate.ReplaceAsync(() => Task.FromResult(0), Cancel);
        await Task.Delay(20, Cancel);
        replaceQueued.SetResult();

        Assert.Equal("picks saved", await outer.WaitAsync(TimeSpan.FromSeconds(10), Cancel));
        await replace.WaitAsync(TimeSpan.FromSeconds(10), Cancel);
    }

    [Fact]
    public async Task ThumbsGivenWhileAResetRebuildsTheStoreAreAllInTheFreshStoreAfterIt()
    {
        await using var seeded = new SeededSite();
        await seeded.InitializeAsync();
        var site = seeded.Site;
        var contexts = site.Services.GetRequiredService<IDbContextFactory<StreamingDbContext>>();
        var feedback = site.Services.GetRequiredService<FeedbackService>();
        var gate = site.Services.GetRequiredService<StoreWriteGate>();
        List<int> profiles;
        List<int> titles;
        await using (var db = await contexts.CreateDbContextAsync(Cancel))
        {
            profiles = await db.Profiles.OrderBy(p => p.Id).Select(p => p.Id).Take(8).ToListAsync(Cancel);
            titles = await db.Titles.OrderBy(t => t.Id).Select(t => t.Id).Take(200).ToListAsync(Cancel);
        }

        var reset = site.Services.GetRequiredService<DemoReset>().ResetAsync(cancellationToken: Cancel);
        while (!gate.IsReplacing)
        {
            await Task.Delay(1, Cancel);
        }

        // Eight viewers keep thumbing while the store is rebuilt: each write waits, none is acknowledged on the old file.
        var acknowledged = new ConcurrentBag<(int Profile, int Title, ThumbRating Rating, bool GateWasOpen)>();
        var writers = profiles.Select((profile, w) => Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                var title = titles[(w * 13 + i * 7) % titles.Count];
                var rating = i % 2 == 0 ? ThumbRating.Love : ThumbRating.Down;
                await feedback.ThumbAsync(profile, title, rating, Cancel);
                acknowledged.Add((profile, title, rating, !gate.IsReplacing));
            }
        }, Cancel)).ToList();
        await reset;
        await Task.WhenAll(writers);

        Assert.Equal(40, acknowledged.Count);
        await using var after = await contexts.CreateDbContextAsync(Cancel);
        foreach (var (profile, title, rating, _) in acknowledged)
        {
            Assert.Equal(rating, await after.Thumbs.Where(t => t.ProfileId == profile && t.TitleId == title).Select(t => (ThumbRating?)t.Rating).SingleOrDefaultAsync(Cancel));
        }

        Assert.All(acknowledged, a => Assert.True(a.GateWasOpen, "A write was acknowledged while the store was being replaced."));
        // The recommender heard them on the fresh model: a thumbed-down title is gone from that viewer's rankings.
        var recommender = site.Services.GetRequiredService<IRecommender>();
        var down = acknowledged.First(a => a.Rating == ThumbRating.Down);
        Assert.DoesNotContain(recommender.Rank(down.Profile, 200).Select(r => r.TitleId), id => id == down.Title);
    }
}
