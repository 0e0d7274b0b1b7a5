using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using StreamingDemo.Data.Entities;
using StreamingDemo.Web.Features;
using StreamingDemo.Web.Features.Notifications;
using StreamingDemo.Web.Features.Presenter;
using StreamingDemo.Web.Features.Profiles;

namespace StreamingDemo.Web.Components.Studio;

/// <summary>
/// /studio/notifications (M4): the demo clock (moved by the presenter, read-only for everyone else), one profile's send
/// time with its evidence, its candidates with channels, push and email previews, and what fired. <c>?profile=</c>
/// focuses a profile (the demo guide links here); a value that names no profile falls back to a featured persona.
/// </summary>
public sealed partial class NotificationsPage
{
    private const int FiredShown = 20;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly string[] Weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    private static readonly string[] HourLabels = [.. Enumerable.Range(0, 24).Select(h => h.ToString("00", CultureInfo.InvariantCulture))];

    private readonly HeatMapChartOptions heatOptions = new() { ShowLegend = true, ShowToolTips = true, ShowLabels = false, ValueFormatString = "N0", ChartPalette = ["#2b0a0c", "#E50914", "#ffd0d2"] };
    private IReadOnlyList<PersonaModel> featured = [];
    private NotificationPlan? plan;
    private List<ChartSeries<double>> heat = [];
    private IReadOnlyList<NotificationView> fired = [];
    private bool? isPresenter;
    private bool working;
    private string? moveTo;
    private string? moveError;
    private string? status;
    private int? missingProfile;

    [Inject]
    private DemoClock Clock { get; set; } = default!;

    [Inject]
    private NotificationPlanner Planner { get; set; } = default!;

    [Inject]
    private NotificationDispatcher Dispatcher { get; set; } = default!;

    [Inject]
    private NotificationCentre Centre { get; set; } = default!;

    [Inject]
    private PersonaDirectory Personas { get; set; } = default!;

    [Inject]
    private PresenterAccess Presenter { get; set; } = default!;

    /// <summary>Read as text: a value that is not a profile id is ignored, never a 500.</summary>
    [SupplyParameterFromQuery(Name = "profile")]
    public string? Profile { get; set; }

    private DateTime Now => Clock.GetUtcNow().UtcDateTime;

    private bool CanAct => RendererInfo.IsInteractive && isPresenter == true && !working;

    private PlannedNotification? PushItem => plan?.Planned.FirstOrDefault(p => p.Channel == NotificationChannel.Push);

    private PlannedNotification? EmailItem => plan?.Planned.FirstOrDefault(p => p.Channel == NotificationChannel.Email);

    protected override async Task OnInitializedAsync()
    {
        isPresenter = await Presenter.IsPresenterAsync();
        featured = await Personas.GetFeaturedAsync();
        Clock.Moved += OnMoved;
        Centre.Changed += OnChanged;
    }

    protected override async Task OnParametersSetAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        missingProfile = null;
        var wanted = QueryValue.PositiveInt(Profile);
        var profileId = wanted ?? (featured.Count > 0 ? featured[0].Id : null);
        plan = profileId is int id ? await Planner.PlanAsync(id, Now) : null;
        if (plan is null && wanted is int unknown)
        {
            missingProfile = unknown;
            plan = featured.Count > 0 ? await Planner.PlanAsync(featured[0].Id, Now) : null;
        }

        if (plan is not null)
        {
            Dispatcher.Watch(plan.ProfileId);
            var starts = plan.SendTime.Starts;
            heat = [.. Enumerable.Range(0, 7).Select(d => new ChartSeries<double>
            {
                Name = Weekdays[d],
                Data = new ChartData<double>([.. Enumerable.Range(0, 24).Select(h => (double)starts[d, h])]),
            })];
        }

        fired = await Centre.RecentAsync(FiredShown);
    }

    private Task FridayAsync() => MoveAsync(() => Clock.MoveTo(DemoClock.Next(Now, DayOfWeek.Friday, new TimeOnly(14, 30))));

    private Task JumpAsync(TimeSpan by) => MoveAsync(() => Clock.Jump(by));

    private Task ResetAsync() => MoveAsync(Clock.Reset);

    private Task MoveAsync()
    {
        var target = DemoClockInput.Parse(moveTo, Now, out var error);
        moveError = error;
        return target is DateTime at ? MoveAsync(() => Clock.MoveTo(at)) : Task.CompletedTask;
    }

    private async Task MoveAsync(Func<DemoClockChange> move)
    {
        working = true;
        try
        {
            await Presenter.DemandAsync();
            var change = move();
            moveError = null;
            var sent = await Dispatcher.CatchUpAsync();
            status = string.Create(Invariant, $"Moved to {change.To:ddd d MMM HH:mm} UTC. ") + (sent.Count switch
            {
                0 => change.To < change.From ? "Nothing fires going back in time." : "No send time passed with anything new to send.",
                1 => $"1 notification fired ({sent[0].ProfileName}).",
                _ => $"{sent.Count} notifications fired for {sent.Select(s => s.ProfileId).Distinct().Count()} profiles.",
            });
            await LoadAsync();
        }
        catch (ArgumentOutOfRangeException e)
        {
            moveError = e.Message.Split(" (Parameter", 2)[0];
        }
        catch (UnauthorizedAccessException e)
        {
            status = e.Message;
        }
        finally
        {
            working = false;
        }
    }

    private void OnMoved(DemoClockChange change) => _ = InvokeAsync(StateHasChanged);

    private void OnChanged(IReadOnlyCollection<int> profiles) => _ = InvokeAsync(async () =>
    {
        if (!working)
        {
            await LoadAsync();
            StateHasChanged();
        }
    });

    private static string KindLabel(NotificationKind kind) => NotificationKinds.Label(NotificationKinds.Slug(kind));

    private static string Describe(TimeSpan offset)
    {
        var sign = offset < TimeSpan.Zero ? "−" : "+";
        var span = offset.Duration();
        var text = span.Days > 0 ? string.Create(Invariant, $"{span.Days} d {span.Hours} h {span.Minutes} min") : string.Create(Invariant, $"{span.Hours} h {span.Minutes} min");
        return sign + text;
    }

    private static string Evidence(SendTimeEvidence evidence)
    {
        var slot = evidence.Slot.Label;
        var everyone = string.Create(Invariant, $"{evidence.PriorShareInSlot * 100:0.0}%");
        if (evidence.TotalStarts == 0)
        {
            return $"No viewing starts of its own yet, so everyone's habits choose: {slot} holds {everyone} of all starts.";
        }

        var own = string.Create(Invariant, $"{evidence.StartsInSlot:N0} of its {evidence.TotalStarts:N0} viewing starts ({evidence.ShareInSlot * 100:0}%) fall in {slot}");
        return evidence.ChosenByPrior
            ? $"{own}; with few starts per hour, everyone's habits ({everyone} of all starts there) tip the choice to this slot."
            : $"{own}, its busiest hour of the week (everyone: {everyone}).";
    }

    public void Dispose()
    {
        Clock.Moved -= OnMoved;
        Centre.Changed -= OnChanged;
    }
}
