using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Residents.Data.Migrations
{
    /// <inheritdoc />
    public partial class ResidentAccountsAndBudgets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AccountUserId",
                table: "residents",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "budgets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Fund = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    NodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    NodePath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "C"),
                    Rule = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    BallotKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MaxChoices = table.Column<int>(type: "integer", nullable: true),
                    MinSpendShare = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: false),
                    MinVotes = table.Column<int>(type: "integer", nullable: false),
                    MinAge = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    BallotsCounted = table.Column<int>(type: "integer", nullable: true),
                    Spent = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_budgets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "resident_account_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Linked = table.Column<bool>(type: "boolean", nullable: false),
                    ByUserId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ByUserName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resident_account_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "budget_ballots",
                columns: table => new
                {
                    BudgetId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Projects = table.Column<List<string>>(type: "text[]", nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    EnteredBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CastAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_budget_ballots", x => new { x.BudgetId, x.ResidentId });
                    table.ForeignKey(
                        name: "FK_budget_ballots_budgets_BudgetId",
                        column: x => x.BudgetId,
                        principalTable: "budgets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "budget_projects",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, collation: "C"),
                    BudgetId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Cost = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    Votes = table.Column<int>(type: "integer", nullable: true),
                    SelectionOrder = table.Column<int>(type: "integer", nullable: true),
                    Reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_budget_projects", x => new { x.BudgetId, x.Code });
                    table.ForeignKey(
                        name: "FK_budget_projects_budgets_BudgetId",
                        column: x => x.BudgetId,
                        principalTable: "budgets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_residents_TenantId_AccountUserId",
                table: "residents",
                columns: new[] { "TenantId", "AccountUserId" },
                unique: true,
                filter: "\"AccountUserId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_budget_ballots_TenantId",
                table: "budget_ballots",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_budgets_TenantId_NodePath_CreatedAt",
                table: "budgets",
                columns: new[] { "TenantId", "NodePath", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_resident_account_changes_TenantId_ResidentId_At",
                table: "resident_account_changes",
                columns: new[] { "TenantId", "ResidentId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "budget_ballots");

            migrationBuilder.DropTable(
                name: "budget_projects");

            migrationBuilder.DropTable(
                name: "resident_account_changes");

            migrationBuilder.DropTable(
                name: "budgets");

            migrationBuilder.DropIndex(
                name: "IX_residents_TenantId_AccountUserId",
                table: "residents");

            migrationBuilder.DropColumn(
                name: "AccountUserId",
                table: "residents");
        }
    }
}
