using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Residents.Data.Migrations
{
    /// <inheritdoc />
    public partial class RepresentativesAndPublicNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "notices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    NodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    NodePath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "C"),
                    PublishedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Channels = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "representatives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    NodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    NodePath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "C"),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Organisation = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Seat = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Nomination = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    TermStart = table.Column<DateOnly>(type: "date", nullable: false),
                    TermEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ObjectionsUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NominatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NominatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_representatives", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "notice_objections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    NoticeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    FiledBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FiledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notice_objections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_notice_objections_notices_NoticeId",
                        column: x => x.NoticeId,
                        principalTable: "notices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_notice_objections_NoticeId",
                table: "notice_objections",
                column: "NoticeId");

            migrationBuilder.CreateIndex(
                name: "IX_notice_objections_TenantId_NoticeId_FiledAt",
                table: "notice_objections",
                columns: new[] { "TenantId", "NoticeId", "FiledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_notices_TenantId_NodePath_PublishedAt",
                table: "notices",
                columns: new[] { "TenantId", "NodePath", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_notices_TenantId_PublishedAt",
                table: "notices",
                columns: new[] { "TenantId", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_notices_TenantId_SubjectId",
                table: "notices",
                columns: new[] { "TenantId", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_representatives_TenantId_NodeId_ResidentId",
                table: "representatives",
                columns: new[] { "TenantId", "NodeId", "ResidentId" });

            migrationBuilder.CreateIndex(
                name: "IX_representatives_TenantId_NodePath_NominatedAt",
                table: "representatives",
                columns: new[] { "TenantId", "NodePath", "NominatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notice_objections");

            migrationBuilder.DropTable(
                name: "representatives");

            migrationBuilder.DropTable(
                name: "notices");
        }
    }
}
