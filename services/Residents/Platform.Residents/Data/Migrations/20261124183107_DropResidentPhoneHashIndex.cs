using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Residents.Data.Migrations
{
    /// <inheritdoc />
    public partial class DropResidentPhoneHashIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_residents_TenantId_PhoneHash",
                table: "residents");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_residents_TenantId_PhoneHash",
                table: "residents",
                columns: new[] { "TenantId", "PhoneHash" });
        }
    }
}
