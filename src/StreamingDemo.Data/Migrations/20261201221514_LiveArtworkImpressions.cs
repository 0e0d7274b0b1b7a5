using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StreamingDemo.Data.Migrations
{
    /// <inheritdoc />
    public partial class LiveArtworkImpressions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Live",
                table: "ArtworkImpressions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<double>(
                name: "Propensity",
                table: "ArtworkImpressions",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Visit",
                table: "ArtworkImpressions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Live",
                table: "ArtworkImpressions");

            migrationBuilder.DropColumn(
                name: "Propensity",
                table: "ArtworkImpressions");

            migrationBuilder.DropColumn(
                name: "Visit",
                table: "ArtworkImpressions");
        }
    }
}
