namespace StreamingDemo.Web.Features.Profiles;

/// <summary>One of a profile's planted taste communities and its weight (0..1) in the profile's taste.</summary>
public sealed record TasteShare(int CommunityId, string Name, double Weight);

/// <summary>A profile as "Who's watching" and the app bar show it.</summary>
public sealed record PersonaModel(int Id, string Name, string AvatarKey, bool IsKids, IReadOnlyList<TasteShare> Taste)
{
    public string TasteSummary => Profiles.TasteSummary.Describe(Taste);
}

/// <summary>A taste community as the persona picker filters by it.</summary>
public sealed record CommunityOption(int Id, string Name, string Summary, int Members);
