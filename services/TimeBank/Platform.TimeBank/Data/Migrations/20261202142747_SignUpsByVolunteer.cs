using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.TimeBank.Data.Migrations
{
    /// <inheritdoc />
    public partial class SignUpsByVolunteer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_shift_signups_VolunteerId",
                table: "shift_signups",
                column: "VolunteerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_shift_signups_VolunteerId",
                table: "shift_signups");
        }
    }
}
