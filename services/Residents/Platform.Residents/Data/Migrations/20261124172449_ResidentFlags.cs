using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Residents.Data.Migrations
{
    /// <inheritdoc />
    public partial class ResidentFlags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsOwner",
                table: "residents",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsPartyMember",
                table: "residents",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsVolunteer",
                table: "residents",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IsOwner",
                table: "residents");

            migrationBuilder.DropColumn(
                name: "IsPartyMember",
                table: "residents");

            migrationBuilder.DropColumn(
                name: "IsVolunteer",
                table: "residents");
        }
    }
}
