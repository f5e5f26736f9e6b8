using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Property.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProjectManagersAndStatements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "project_managers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    CompanyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    TookOfficeOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReportDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReportedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReportRecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_project_managers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "statements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    OpeningBalance = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    Lines = table.Column<string>(type: "jsonb", nullable: false),
                    ClosingBalance = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PublishedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statements", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_project_managers_TenantId_AreaId",
                table: "project_managers",
                columns: new[] { "TenantId", "AreaId" },
                unique: true,
                filter: "\"EndedOn\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_project_managers_TenantId_CompanyId_TookOfficeOn",
                table: "project_managers",
                columns: new[] { "TenantId", "CompanyId", "TookOfficeOn" });

            migrationBuilder.CreateIndex(
                name: "IX_statements_TenantId_AreaId_Kind_PeriodStart_PeriodEnd",
                table: "statements",
                columns: new[] { "TenantId", "AreaId", "Kind", "PeriodStart", "PeriodEnd" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "project_managers");

            migrationBuilder.DropTable(
                name: "statements");
        }
    }
}
