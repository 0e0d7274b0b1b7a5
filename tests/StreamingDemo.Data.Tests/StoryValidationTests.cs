using StreamingDemo.Data.Interactive;
using StreamingDemo.Domain.Interactive;

namespace StreamingDemo.Data.Tests;

/// <summary>A story graph that loads is one the player can always finish: each rule has a graph that breaks it.</summary>
public sealed class StoryValidationTests
{
    private static StoryChoice Choice(string id, string next, bool isDefault = false) => new(id, $"Go {next}", next, ["haunted-house-horror"], isDefault);

    private static StoryScene Decision(string id, params StoryChoice[] choices) => new(id, id, $"Scene {id}.", choices);

    private static StoryScene Ending(string id) => new(id, id, $"Ending {id}.", [], $"The {id}");

    /// <summary>A valid story: start → a | b, a → e1 | e2, b → e3 | e4 — three decisions, four endings.</summary>
    private static List<StoryScene> ValidScenes() =>
    [
        Decision("start", Choice("to-a", "a", isDefault: true), Choice("to-b", "b")),
        Decision("a", Choice("a-e1", "e1"), Choice("a-e2", "e2")),
        Decision("b", Choice("b-e3", "e3"), Choice("b-e4", "e4")),
        Ending("e1"), Ending("e2"), Ending("e3"), Ending("e4"),
    ];

    private static StoryGraph Story(List<StoryScene> scenes, string start = "start") =>
        new("test", "Test story", StoryAudience.Kids, ["haunted-house-horror"], start, scenes);

    private static StoryScene Replace(List<StoryScene> scenes, string id, StoryScene with)
    {
        scenes[scenes.FindIndex(s => s.Id == id)] = with;
        return with;
    }

    [Fact]
    public void AStoryWithThreeDecisionsAndFourReachableEndingsIsValid() =>
        Assert.Empty(StoryValidator.Validate(Story(ValidScenes()), new HashSet<string> { "haunted-house-horror" }));

    [Fact]
    public void ASceneNoChoiceLeadsToIsUnreachableAndNamed()
    {
        var scenes = ValidScenes();
        scenes.Add(Decision("attic", Choice("attic-e1", "e1"), Choice("attic-e2", "e2")));

        var error = Assert.Single(StoryValidator.Validate(Story(scenes)));

        Assert.Equal("Story 'test': scene 'attic' cannot be reached from the start.", error);
    }

    [Fact]
    public void ALoopAViewerCouldGoRoundForeverIsRefusedWithItsPath()
    {
        var scenes = ValidScenes();
        Replace(scenes, "b", Decision("b", Choice("b-start", "start"), Choice("b-e3", "e3")));
        scenes.Add(Decision("c", Choice("c-e4", "e4"), Choice("c-e3", "e3")));
        Replace(scenes, "a", Decision("a", Choice("a-e1", "e1"), Choice("a-c", "c")));

        var errors = StoryValidator.Validate(Story(scenes));

        Assert.Contains("Story 'test': scene 'start' leads back to itself (start → b → start): a viewer could go round forever.", errors);
    }

    [Fact]
    public void ASceneThatIsNeitherAnEndingNorOffersAChoiceIsADeadEnd()
    {
        var scenes = ValidScenes();
        Replace(scenes, "e4", new StoryScene("e4", "e4", "Nothing happens.", []));

        var errors = StoryValidator.Validate(Story(scenes));

        Assert.Contains("Story 'test': scene 'e4' is a dead end: it offers no choice and is not an ending.", errors);
    }

    [Fact]
    public void AChoiceLeadingNowhereIsRefusedNamingItsScene()
    {
        var scenes = ValidScenes();
        Replace(scenes, "a", Decision("a", Choice("a-e1", "e1"), Choice("a-cellar", "cellar")));

        var errors = StoryValidator.Validate(Story(scenes));

        Assert.Contains("Story 'test': scene 'a': choice 'a-cellar' leads to 'cellar', which does not exist.", errors);
    }

    [Fact]
    public void AMissingStartSceneIsRefused() =>
        Assert.Equal(["Story 'test': the start scene 'lobby' does not exist."], StoryValidator.Validate(Story(ValidScenes(), start: "lobby")));

    [Fact]
    public void FewerThanThreeDecisionsOrFourEndingsIsNotAnInteractiveTitle()
    {
        var scenes = new List<StoryScene>
        {
            Decision("start", Choice("to-a", "a"), Choice("to-e3", "e3")),
            Decision("a", Choice("a-e1", "e1"), Choice("a-e2", "e2")),
            Ending("e1"), Ending("e2"), Ending("e3"),
        };

        var errors = StoryValidator.Validate(Story(scenes));

        Assert.Equal(
        [
            "Story 'test': it has 2 decision points; an interactive title needs at least 3.",
            "Story 'test': it has 3 endings; an interactive title needs at least 4.",
        ], errors);
    }

    [Fact]
    public void TwoDefaultsAtOneDecisionAndAnUnknownMicroGenreAreRefused()
    {
        var scenes = ValidScenes();
        Replace(scenes, "a", Decision("a", Choice("a-e1", "e1", isDefault: true), Choice("a-e2", "e2", isDefault: true)));

        var errors = StoryValidator.Validate(Story(scenes), new HashSet<string> { "cozy-village-mysteries" });

        Assert.Contains("Story 'test': scene 'a' has more than one default choice.", errors);
        Assert.Contains("Story 'test': scene 'start': choice 'to-a' leans to unknown micro-genre 'haunted-house-horror'.", errors);
    }

    [Fact]
    public void ABadGraphFailsTheLoadWithAMessageNamingTheScene()
    {
        const string json = """
            [{ "key": "broken", "name": "Broken", "audience": "Kids", "microGenres": [], "start": "start",
               "scenes": [ { "id": "start", "title": "Start", "text": "Go.", "choices": [ { "id": "go", "label": "Go", "next": "nowhere" } ] },
                           { "id": "end", "title": "End", "text": "Done.", "ending": "The End" } ] }]
            """;

        var failure = Assert.Throws<InvalidDataException>(() => StoryLibrary.Parse(json));

        Assert.Contains("scene 'start': choice 'go' leads to 'nowhere', which does not exist.", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheShippedStoriesAreThreeForKidsAndOneForAdultsEachWithThreeDecisionsOnEveryPathAndFourEndings()
    {
        var stories = InteractiveStories.Default.Stories;

        Assert.Equal(3, stories.Count(s => s.Audience == StoryAudience.Kids));
        Assert.Equal(1, stories.Count(s => s.Audience == StoryAudience.Adults));
        Assert.All(stories, s =>
        {
            Assert.True(s.Endings.Count() >= 4, $"{s.Key} has {s.Endings.Count()} endings");
            Assert.True(s.DecisionPoints.Count() >= 3, $"{s.Key} has {s.DecisionPoints.Count()} decision points");
            Assert.All(s.Endings, e => Assert.Contains(e.Id, s.Depths().Keys));
        });
    }
}
