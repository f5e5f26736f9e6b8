using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Property.Data.Migrations
{
    /// <inheritdoc />
    public partial class Committees : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Seats",
                table: "votes",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "committees",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Stage = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    PreparatoryGroup = table.Column<string>(type: "jsonb", nullable: false),
                    Members = table.Column<string>(type: "jsonb", nullable: false),
                    Candidates = table.Column<string>(type: "jsonb", nullable: false),
                    Seats = table.Column<int>(type: "integer", nullable: true),
                    ElectionVoteId = table.Column<Guid>(type: "uuid", nullable: true),
                    InterimReason = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    FormedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FormedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ElectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FiledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FiledBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    TermEndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Ending = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ChangedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_committees", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_committees_one_active",
                table: "committees",
                columns: new[] { "TenantId", "AreaId" },
                unique: true,
                filter: "\"Stage\" = 'Active'");

            migrationBuilder.CreateIndex(
                name: "IX_committees_one_under_way",
                table: "committees",
                columns: new[] { "TenantId", "AreaId", "Kind" },
                unique: true,
                filter: "\"EndedAt\" IS NULL AND \"Stage\" <> 'Active'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "committees");

            migrationBuilder.DropColumn(
                name: "Seats",
                table: "votes");
        }
    }
}
