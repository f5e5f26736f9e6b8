using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.PartyBuilding.Data.Migrations
{
    /// <inheritdoc />
    public partial class ServiceRecordsAndPointsRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "early_service_reversals",
                columns: table => new
                {
                    RecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReversedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ReversedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_early_service_reversals", x => x.RecordId);
                });

            migrationBuilder.CreateTable(
                name: "points_rules",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    PointsPerHour = table.Column<int>(type: "integer", nullable: false),
                    PointsPerCompletedClaim = table.Column<int>(type: "integer", nullable: false),
                    HighRatingBonus = table.Column<int>(type: "integer", nullable: false),
                    AbandonedClaimDeduction = table.Column<int>(type: "integer", nullable: false),
                    PublishedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CategoryRates = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_points_rules", x => new { x.TenantId, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "service_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CommunityNodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    NodePath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "C"),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ServiceDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Minutes = table.Column<long>(type: "bigint", nullable: false),
                    Evidence = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Rating = table.Column<int>(type: "integer", nullable: true),
                    RatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ReversedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReversedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_records", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_early_service_reversals_TenantId",
                table: "early_service_reversals",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_points_rules_TenantId",
                table: "points_rules",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_service_records_TenantId_MemberReportId_ServiceDate",
                table: "service_records",
                columns: new[] { "TenantId", "MemberReportId", "ServiceDate" });

            migrationBuilder.CreateIndex(
                name: "IX_service_records_TenantId_NodePath_ServiceDate",
                table: "service_records",
                columns: new[] { "TenantId", "NodePath", "ServiceDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "early_service_reversals");

            migrationBuilder.DropTable(
                name: "points_rules");

            migrationBuilder.DropTable(
                name: "service_records");
        }
    }
}
