namespace StreamingDemo.Domain;

public enum FirstRunStage
{
    Starting = 0,
    Migrating = 1,
    Seeding = 2,
    Training = 3,
    Ready = 4,
    Failed = 5,
}

/// <summary>What the warming-up page and the console show while the first run prepares the site.</summary>
public sealed record FirstRunProgress(FirstRunStage Stage, string Message, double Percent)
{
    public bool IsReady => Stage == FirstRunStage.Ready;
}

/// <summary>The live state of start-up work; the warming-up page subscribes to it.</summary>
public interface IFirstRunStatus
{
    FirstRunProgress Current { get; }

    event Action<FirstRunProgress>? Changed;
}
