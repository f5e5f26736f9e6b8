using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.SocialOrgs.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReviewPanels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "panels",
                columns: table => new
                {
                    CallId = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    RubricId = table.Column<Guid>(type: "uuid", nullable: false),
                    AwardsPublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    Conflicts = table.Column<string>(type: "jsonb", nullable: false),
                    Ranking = table.Column<string>(type: "jsonb", nullable: false),
                    Reviewers = table.Column<List<string>>(type: "text[]", nullable: false),
                    Reviews = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_panels", x => x.CallId);
                    table.ForeignKey(
                        name: "FK_panels_funding_calls_CallId",
                        column: x => x.CallId,
                        principalTable: "funding_calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_panels_rubrics_RubricId",
                        column: x => x.RubricId,
                        principalTable: "rubrics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_panels_RubricId",
                table: "panels",
                column: "RubricId");

            migrationBuilder.CreateIndex(
                name: "IX_panels_TenantId",
                table: "panels",
                column: "TenantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "panels");
        }
    }
}
