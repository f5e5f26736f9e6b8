using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.PartyBuilding.Data.Migrations
{
    /// <inheritdoc />
    public partial class Reporting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "commitment_texts",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    PublishedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_commitment_texts", x => new { x.TenantId, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "member_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    IdNumberProtected = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IdNumberHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IdNumberMasked = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    PhoneProtected = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PhoneMasked = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    Employment = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Availability = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CommunityNodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    AddressNodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkplaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    CommitmentVersion = table.Column<int>(type: "integer", nullable: false),
                    CommitmentText = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Skills = table.Column<List<string>>(type: "text[]", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    NodePath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "C"),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReturnReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_member_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "unit_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkplaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    StreetNodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AgreementSignedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AgreementEndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    NodePath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "C"),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReturnReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Resources = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unit_reports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_commitment_texts_TenantId",
                table: "commitment_texts",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_member_reports_IdNumberHash",
                table: "member_reports",
                column: "IdNumberHash");

            migrationBuilder.CreateIndex(
                name: "IX_member_reports_open_per_member",
                table: "member_reports",
                columns: new[] { "TenantId", "UserId" },
                unique: true,
                filter: "\"Status\" IN ('Submitted', 'Confirmed')");

            migrationBuilder.CreateIndex(
                name: "IX_member_reports_TenantId_NodePath",
                table: "member_reports",
                columns: new[] { "TenantId", "NodePath" });

            migrationBuilder.CreateIndex(
                name: "IX_member_reports_TenantId_UserId_SubmittedAt",
                table: "member_reports",
                columns: new[] { "TenantId", "UserId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_member_reports_TenantId_WorkplaceId",
                table: "member_reports",
                columns: new[] { "TenantId", "WorkplaceId" });

            migrationBuilder.CreateIndex(
                name: "IX_unit_reports_open_per_workplace",
                table: "unit_reports",
                columns: new[] { "TenantId", "WorkplaceId" },
                unique: true,
                filter: "\"Status\" IN ('Submitted', 'Confirmed')");

            migrationBuilder.CreateIndex(
                name: "IX_unit_reports_TenantId_NodePath",
                table: "unit_reports",
                columns: new[] { "TenantId", "NodePath" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "commitment_texts");

            migrationBuilder.DropTable(
                name: "member_reports");

            migrationBuilder.DropTable(
                name: "unit_reports");
        }
    }
}
