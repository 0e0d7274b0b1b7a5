using System.Globalization;
using MudBlazor;
using StreamingDemo.Domain;
using StreamingDemo.Web.Features.Catalog;
using StreamingDemo.Web.Features.Studio;

namespace StreamingDemo.Web.Components.Studio;

public partial class InsightsPage
{
    private static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    private static readonly string[] HourLabels = [.. Enumerable.Range(0, 24).Select(h => h.ToString("00", CultureInfo.InvariantCulture))];

    private readonly HeatMapChartOptions heatOptions = new() { ShowLegend = true, ShowToolTips = true, ShowLabels = false, ValueFormatString = "N0", ChartPalette = ["#2b0a0c", "#E50914", "#ffd0d2"] };
    private readonly BarChartOptions pauseOptions = new() { ShowLegend = false, ChartPalette = ["#ffc940"], YAxisTitle = "pauses", XAxisTitle = "minute" };
    private readonly LineChartOptions stopOptions = new() { ShowLegend = false, ChartPalette = ["#E50914"], YAxisTitle = "sessions", XAxisTitle = "minute", YAxisRequireZeroPoint = true };

    private ViewingInsights? insights;
    private SegmentFacts segment = SegmentFacts.Empty;
    private IReadOnlyDictionary<int, TitleCardModel> cards = new Dictionary<int, TitleCardModel>();
    private List<ChartSeries<double>> heat = [];
    private int[,] heatCounts = new int[7, 24];
    private IReadOnlyList<TitleCardModel> mostPaused = [];
    private PauseChartView? pauses;
    private List<ChartSeries<double>> pauseSeries = [];
    private List<ChartSeries<double>> stopSeries = [];
    private string[] minuteLabels = [];
    private int communityId = -1;
    private int device = -1;
    private int dayPart = -1;
    private int titleId;

    protected override async Task OnInitializedAsync()
    {
        insights = await Insights.GetAsync();
        mostPaused = await Insights.MostPausedAsync();
        await ShowSegmentAsync();
        if (mostPaused.Count > 0)
        {
            await OnTitleChanged(mostPaused[0].Id);
        }
    }

    private async Task OnCommunityChanged(int value)
    {
        communityId = value;
        await ShowSegmentAsync();
    }

    private async Task OnDeviceChanged(int value)
    {
        device = value;
        await ShowSegmentAsync();
    }

    private async Task OnDayPartChanged(int value)
    {
        dayPart = value;
        await ShowSegmentAsync();
    }

    private async Task OnTitleChanged(int value)
    {
        titleId = value;
        pauses = await Insights.PausesAsync(value);
        if (pauses is null)
        {
            return;
        }

        var chart = pauses.Chart;
        // Label every fifth minute so the axis stays readable on a 2-hour movie.
        minuteLabels = [.. Enumerable.Range(0, chart.RuntimeMinutes).Select(m => m % 5 == 0 ? m.ToString(CultureInfo.InvariantCulture) : string.Empty)];
        pauseSeries = [new() { Name = "Pauses", Data = new ChartData<double>([.. chart.PausesPerMinute.Select(v => (double)v)]) }];
        stopSeries = [new() { Name = "Stopped", Data = new ChartData<double>([.. chart.StopsPerMinute.Select(v => (double)v)]) }];
    }

    private async Task ShowSegmentAsync()
    {
        if (insights is null)
        {
            return;
        }

        int? community = communityId >= 0 ? communityId : null;
        DeviceType? onDevice = device >= 0 ? (DeviceType)device : null;
        segment = insights.Segment(new SegmentKey(community, onDevice, dayPart >= 0 ? (DayPart)dayPart : null));
        cards = await Catalog.GetCardsAsync([.. segment.TopTitles.Select(t => t.TitleId)]);
        heatCounts = insights.Heatmap(community, onDevice);
        heat = [.. Enumerable.Range(0, 7).Select(d => new ChartSeries<double>
        {
            Name = Weekdays[d][..3],
            Data = new ChartData<double>([.. Enumerable.Range(0, 24).Select(h => (double)heatCounts[d, h])]),
        })];
    }

    private string PeakSentence()
    {
        var (bestDay, bestHour, best) = (0, 0, -1);
        for (var d = 0; d < 7; d++)
        {
            for (var h = 0; h < 24; h++)
            {
                if (heatCounts[d, h] > best)
                {
                    (bestDay, bestHour, best) = (d, h, heatCounts[d, h]);
                }
            }
        }

        return best <= 0
            ? "No sessions in this segment."
            : $"Busiest hour: {Weekdays[bestDay]} {bestHour:00}:00–{bestHour:00}:59, {best:N0} sessions.";
    }

    public static string PauseSentence(PauseChartView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var chart = view.Chart;
        var stops = $"{chart.Stops:N0} of {chart.Sessions:N0} sessions stopped before the end.";
        return chart.Peak is not { } peak
            ? $"Nobody has paused {view.Title.Name} yet. {stops}"
            : $"Most pauses in {view.Title.Name} fall between minute {peak.FromMinute} and {peak.ToMinute}: {peak.Pauses:N0} of {chart.Pauses:N0} ({Math.Round(peak.Share * 100, MidpointRounding.AwayFromZero):0}%) in {PauseChart.PeakWindowMinutes} of its {chart.RuntimeMinutes} minutes. {stops}";
    }

    private static string DeviceName(DeviceType device) => device switch
    {
        DeviceType.Tv => "TV",
        DeviceType.Desktop => "Desktop",
        DeviceType.Tablet => "Tablet",
        _ => "Phone",
    };

    private static string DayPartName(DayPart part) => part switch
    {
        DayPart.Night => "Night (0–6 h)",
        DayPart.Morning => "Morning (6–12 h)",
        DayPart.Afternoon => "Afternoon (12–18 h)",
        _ => "Evening (18–24 h)",
    };
}
