using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StreamingDemo.Data.Migrations
{
    /// <inheritdoc />
    public partial class InteractiveTitles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InteractiveTitles",
                columns: table => new
                {
                    TitleId = table.Column<int>(type: "INTEGER", nullable: false),
                    StoryKey = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InteractiveTitles", x => x.TitleId);
                });

            migrationBuilder.CreateTable(
                name: "StoryPlays",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProfileId = table.Column<int>(type: "INTEGER", nullable: false),
                    TitleId = table.Column<int>(type: "INTEGER", nullable: false),
                    StoryKey = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Path = table.Column<string>(type: "TEXT", nullable: false),
                    EndingSceneId = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoryPlays", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StoryPlays_ProfileId",
                table: "StoryPlays",
                column: "ProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_StoryPlays_TitleId_ProfileId",
                table: "StoryPlays",
                columns: new[] { "TitleId", "ProfileId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InteractiveTitles");

            migrationBuilder.DropTable(
                name: "StoryPlays");
        }
    }
}
