using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.SocialOrgs.Data.Migrations
{
    /// <inheritdoc />
    public partial class Funding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "funding_calls",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FunderKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FunderName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FunderCreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    Budget = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    OpensAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosesAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RubricId = table.Column<Guid>(type: "uuid", nullable: false),
                    MinimumStatus = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ExitBarDays = table.Column<int>(type: "integer", nullable: false),
                    OpenedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Categories = table.Column<string[]>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_calls", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "proposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    CallId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Category = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Needs = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Beneficiaries = table.Column<int>(type: "integer", nullable: false),
                    BeneficiaryGroup = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DemandIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    TopicIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    BudgetLines = table.Column<string>(type: "jsonb", nullable: true),
                    Milestones = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_proposals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_funding_calls_TenantId_ClosesAt",
                table: "funding_calls",
                columns: new[] { "TenantId", "ClosesAt" });

            migrationBuilder.CreateIndex(
                name: "IX_proposals_TenantId_CallId_OrganisationId",
                table: "proposals",
                columns: new[] { "TenantId", "CallId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_proposals_TenantId_OrganisationId",
                table: "proposals",
                columns: new[] { "TenantId", "OrganisationId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "funding_calls");

            migrationBuilder.DropTable(
                name: "proposals");
        }
    }
}
