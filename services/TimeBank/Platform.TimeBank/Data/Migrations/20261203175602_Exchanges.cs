using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.TimeBank.Data.Migrations
{
    /// <inheritdoc />
    public partial class Exchanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "exchanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Minutes = table.Column<long>(type: "bigint", nullable: false),
                    NodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    NodePath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "C"),
                    PostedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ProviderId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ReceiverId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PayerAccountId = table.Column<Guid>(type: "uuid", nullable: true),
                    PayeeAccountId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DoneAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DisputedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DisputeReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    FinishedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ResolutionNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exchanges", x => x.Id);
                    table.CheckConstraint("ck_exchanges_minutes", "\"Minutes\" > 0");
                });

            migrationBuilder.CreateIndex(
                name: "IX_exchanges_TenantId_PostedBy",
                table: "exchanges",
                columns: new[] { "TenantId", "PostedBy" });

            migrationBuilder.CreateIndex(
                name: "IX_exchanges_TenantId_ProviderId",
                table: "exchanges",
                columns: new[] { "TenantId", "ProviderId" });

            migrationBuilder.CreateIndex(
                name: "IX_exchanges_TenantId_ReceiverId",
                table: "exchanges",
                columns: new[] { "TenantId", "ReceiverId" });

            migrationBuilder.CreateIndex(
                name: "IX_exchanges_TenantId_Status_NodePath",
                table: "exchanges",
                columns: new[] { "TenantId", "Status", "NodePath" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "exchanges");
        }
    }
}
