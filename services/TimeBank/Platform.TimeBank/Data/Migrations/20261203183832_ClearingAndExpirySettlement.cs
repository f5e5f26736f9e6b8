using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.TimeBank.Data.Migrations
{
    /// <inheritdoc />
    public partial class ClearingAndExpirySettlement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EarnedSettledBefore",
                table: "accounts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "clearing_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Counterparty = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReportedMinutes = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_clearing_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "clearing_transfers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Direction = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Counterparty = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CounterpartyTenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Minutes = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RefusalCode = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RequestedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_clearing_transfers", x => new { x.TenantId, x.Id });
                    table.CheckConstraint("ck_clearing_transfers_minutes", "\"Minutes\" > 0");
                });

            migrationBuilder.CreateIndex(
                name: "IX_postings_AccountId_PostedAt",
                table: "postings",
                columns: new[] { "AccountId", "PostedAt" },
                filter: "\"AmountMinutes\" > 0");

            migrationBuilder.CreateIndex(
                name: "IX_clearing_reports_TenantId_Counterparty_Purpose",
                table: "clearing_reports",
                columns: new[] { "TenantId", "Counterparty", "Purpose" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_clearing_transfers_TenantId_Status",
                table: "clearing_transfers",
                columns: new[] { "TenantId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "clearing_reports");

            migrationBuilder.DropTable(
                name: "clearing_transfers");

            migrationBuilder.DropIndex(
                name: "IX_postings_AccountId_PostedAt",
                table: "postings");

            migrationBuilder.DropColumn(
                name: "EarnedSettledBefore",
                table: "accounts");
        }
    }
}
