using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.PartyBuilding.Data.Migrations
{
    /// <inheritdoc />
    public partial class Evaluations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Figures_EvaluationComment",
                table: "received_feedback",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Figures_Grade",
                table: "received_feedback",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Figures_EvaluationComment",
                table: "feedback_reports",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Figures_Grade",
                table: "feedback_reports",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "member_evaluations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    NodePath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "C"),
                    UserId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    Grade = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    EvaluatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EvaluatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_member_evaluations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "mutual_evaluations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    WorkplaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    CommunityNodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    NodePath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "C"),
                    Direction = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Grade = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    EvaluatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EvaluatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mutual_evaluations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_member_evaluations_TenantId_MemberReportId_Period",
                table: "member_evaluations",
                columns: new[] { "TenantId", "MemberReportId", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_member_evaluations_TenantId_Period_NodePath",
                table: "member_evaluations",
                columns: new[] { "TenantId", "Period", "NodePath" });

            migrationBuilder.CreateIndex(
                name: "IX_mutual_evaluations_TenantId_NodePath",
                table: "mutual_evaluations",
                columns: new[] { "TenantId", "NodePath" });

            migrationBuilder.CreateIndex(
                name: "IX_mutual_evaluations_TenantId_Year_WorkplaceId_CommunityNodeI~",
                table: "mutual_evaluations",
                columns: new[] { "TenantId", "Year", "WorkplaceId", "CommunityNodeId", "Direction" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "member_evaluations");

            migrationBuilder.DropTable(
                name: "mutual_evaluations");

            migrationBuilder.DropColumn(
                name: "Figures_EvaluationComment",
                table: "received_feedback");

            migrationBuilder.DropColumn(
                name: "Figures_Grade",
                table: "received_feedback");

            migrationBuilder.DropColumn(
                name: "Figures_EvaluationComment",
                table: "feedback_reports");

            migrationBuilder.DropColumn(
                name: "Figures_Grade",
                table: "feedback_reports");
        }
    }
}
