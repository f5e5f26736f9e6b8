using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.PartyBuilding.Data.Migrations
{
    /// <inheritdoc />
    public partial class FeedbackToWorkplaces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "feedback_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    NodePath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "C"),
                    WorkplaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    Delivery = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RecipientTenantId = table.Column<Guid>(type: "uuid", nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AcknowledgementDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgementRecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AcknowledgementNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Figures_AverageRating = table.Column<decimal>(type: "numeric", nullable: true),
                    Figures_Minutes = table.Column<long>(type: "bigint", nullable: false),
                    Figures_Points = table.Column<long>(type: "bigint", nullable: false),
                    Figures_PointsRuleVersion = table.Column<int>(type: "integer", nullable: false),
                    Figures_Services = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feedback_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "received_feedback",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    SendingTenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkplaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    NodePath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "C"),
                    MemberName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    CommunityName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Figures_AverageRating = table.Column<decimal>(type: "numeric", nullable: true),
                    Figures_Minutes = table.Column<long>(type: "bigint", nullable: false),
                    Figures_Points = table.Column<long>(type: "bigint", nullable: false),
                    Figures_PointsRuleVersion = table.Column<int>(type: "integer", nullable: false),
                    Figures_Services = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_received_feedback", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_feedback_reports_TenantId_MemberReportId_Period",
                table: "feedback_reports",
                columns: new[] { "TenantId", "MemberReportId", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_feedback_reports_TenantId_Period_NodePath",
                table: "feedback_reports",
                columns: new[] { "TenantId", "Period", "NodePath" });

            migrationBuilder.CreateIndex(
                name: "IX_received_feedback_TenantId_WorkplaceId_Period",
                table: "received_feedback",
                columns: new[] { "TenantId", "WorkplaceId", "Period" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "feedback_reports");

            migrationBuilder.DropTable(
                name: "received_feedback");
        }
    }
}
