using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Json.Schema;
using StreamingDemo.Domain;
using StreamingDemo.Domain.Layouts;

namespace StreamingDemo.Web.Tests;

/// <summary>Layouts are validated field by field (L1), and the documented JSON Schema agrees with what the site accepts.</summary>
public sealed class LayoutValidationTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "layout.schema.json")));

    private static bool SchemaAccepts(string json) =>
        Schema.Evaluate(JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid;

    private static HomeLayout Netflix => BuiltInLayouts.NetflixStyle;

    [Fact]
    public void EveryBuiltInLayoutIsValidAndTheSchemaAcceptsItsExport()
    {
        foreach (var (slug, layout) in BuiltInLayouts.All)
        {
            Assert.Empty(LayoutValidator.Validate(layout));
            Assert.True(SchemaAccepts(LayoutJson.Serialize(layout)), slug);
        }
    }

    [Fact]
    public void ABadLayoutGetsOneErrorPerBadFieldKeyedByItsPath()
    {
        var devices = new Dictionary<DeviceType, DeviceShape>(BuiltInLayouts.StandardDevices) { [DeviceType.Phone] = new DeviceShape(5, 4, 3) };
        var layout = Netflix with
        {
            Name = " ",
            ExplorationRate = 0.75,
            Devices = devices,
            Rows =
            [
                new LayoutRow { Kind = RowKind.TopPicks },
                new LayoutRow { Kind = RowKind.BecauseYouWatched, Seeds = 0 },
                new LayoutRow { Kind = RowKind.TopPicks },
                new LayoutRow { Kind = RowKind.NewReleases, Count = 2 },
            ],
        };

        var errors = LayoutValidator.Validate(layout);

        Assert.Equal(["devices.phone.itemsPerRow", "explorationRate", "name", "rows[1].seeds", "rows[2].kind", "rows[3].count"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Give the layout a name.", errors["name"].Single());
        Assert.Equal("Seeds must be from 1 to 5.", errors["rows[1].seeds"].Single());
    }

    [Fact]
    public void AMicroGenreRowNamesKnownMicroGenresOrGivesACountNotBoth()
    {
        var known = new HashSet<string>(["dark-scandinavian-crime", "cozy-baking"], StringComparer.Ordinal);
        LayoutRow Row(int? count, params string[] slugs) => new() { Kind = RowKind.MicroGenre, Count = count, MicroGenres = slugs };

        Assert.Empty(LayoutValidator.Validate(Netflix with { Rows = [Row(null, "cozy-baking", "dark-scandinavian-crime")] }, known));
        Assert.Equal(["rows[0].microGenres[1]"], LayoutValidator.Validate(Netflix with { Rows = [Row(null, "cozy-baking", "no-such-genre")] }, known).Keys);
        Assert.Equal(["rows[0].count"], LayoutValidator.Validate(Netflix with { Rows = [Row(3, "cozy-baking")] }, known).Keys);
        Assert.Equal(["rows[0].count"], LayoutValidator.Validate(Netflix with { Rows = [Row(null)] }, known).Keys);
        Assert.Equal(["rows[0].count"], LayoutValidator.Validate(Netflix with { Rows = [Row(9)] }, known).Keys);
    }

    [Fact]
    public void AMissingDeviceAndAnEmptyRowListAreErrors()
    {
        var devices = BuiltInLayouts.StandardDevices.Where(d => d.Key != DeviceType.Tv).ToDictionary();

        var errors = LayoutValidator.Validate(Netflix with { Rows = [], Devices = devices });

        Assert.Equal(["devices.tv", "rows"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""{ "name": "x", "rows": [ { "kind": "topPicks" } ], "devices": {}, "colour": "red" }""", "colour")]
    [InlineData("""{ "name": "x", "rows": [ { "kind": "becauseYouWatched", "seeds": "three" } ] }""", "rows[0].seeds")]
    [InlineData("""{ "name": "x", "rows": [ { "kind": "sideways" } ] }""", "rows[0].kind")]
    [InlineData("""{ "name": "x", "ordering": 1, "rows": [] }""", "ordering")]
    [InlineData("""[1, 2]""", "$")]
    public void AMalformedDocumentGetsAnErrorAtTheFieldThatBrokeIt(string json, string field)
    {
        Assert.False(LayoutJson.TryParse(json, out var layout, out var errors));
        Assert.Null(layout);
        Assert.Equal([field], errors.Keys);
        Assert.False(SchemaAccepts(json));
    }

    [Theory]
    [InlineData("rows", 2, "seeds", 9)]
    [InlineData("rows", 3, "seeds", 2)]
    [InlineData("rows", 4, "communities", 0)]
    [InlineData("rows", 6, "window", "yesterday")]
    [InlineData("rows", 5, "window", "recent")]
    public void TheSchemaRejectsRowParametersTheValidatorRejects(string array, int index, string property, object value)
    {
        var document = JsonNode.Parse(LayoutJson.Serialize(Netflix))!.AsObject();
        document[array]![index]![property] = JsonValue.Create(value);
        var json = document.ToJsonString();

        Assert.False(SchemaAccepts(json));
        Assert.True(!LayoutJson.TryParse(json, out var layout, out _) || LayoutValidator.Validate(layout).Count > 0);
    }

    [Fact]
    public void AnyLayoutValidatesWithoutThrowingAndEveryValidOneSurvivesTheJsonRoundTrip()
    {
        var kinds = Enum.GetValues<RowKind>();
        var cases =
            from rowKinds in Gen.Choose(0, 7).ListOf()
            from parameter in Gen.Choose(-1, 10)
            from shape in Gen.Choose(-2, 45)
            from rate in Gen.Elements(-0.1, 0.0, 0.05, 0.3, 0.5, 0.51, double.NaN)
            select (rowKinds, parameter, shape, rate);
        var property = Prop.ForAll(
            Arb.From(cases),
            c =>
            {
                var layout = Netflix with
                {
                    Rows = [.. c.rowKinds.Select(k => new LayoutRow
                    {
                        Kind = kinds[k],
                        Seeds = kinds[k] == RowKind.BecauseYouWatched ? c.parameter : null,
                        Count = kinds[k] == RowKind.MicroGenre ? c.parameter : null,
                        Communities = kinds[k] == RowKind.TrendingInCommunity ? c.parameter : null,
                    })],
                    Devices = new Dictionary<DeviceType, DeviceShape>(BuiltInLayouts.StandardDevices) { [DeviceType.Tablet] = new DeviceShape(c.shape / 3, c.shape / 5, c.shape) },
                    ExplorationRate = c.rate,
                };
                var errors = LayoutValidator.Validate(layout);
                if (errors.Count > 0)
                {
                    return errors.Keys.All(k => k == "explorationRate" || k == "rows" || k.StartsWith("rows[", StringComparison.Ordinal) || k.StartsWith("devices.tablet.", StringComparison.Ordinal));
                }

                var json = LayoutJson.Serialize(layout);
                return SchemaAccepts(json) && LayoutJson.TryParse(json, out var back, out _) && LayoutJson.Serialize(back!) == json;
            });

        property.QuickCheckThrowOnFailure();
    }
}
