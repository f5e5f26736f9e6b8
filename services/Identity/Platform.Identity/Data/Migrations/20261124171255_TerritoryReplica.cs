using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Identity.Data.Migrations
{
    /// <inheritdoc />
    public partial class TerritoryReplica : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_territory_nodes_Path",
                table: "territory_nodes");

            migrationBuilder.DropIndex(
                name: "IX_territory_nodes_TenantId",
                table: "territory_nodes");

            migrationBuilder.AlterColumn<string>(
                name: "Path",
                table: "territory_nodes",
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AddColumn<string>(
                name: "Code",
                table: "territory_nodes",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "territory_nodes",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Name",
                table: "territory_nodes",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "ParentId",
                table: "territory_nodes",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_territory_nodes_TenantId_Code",
                table: "territory_nodes",
                columns: new[] { "TenantId", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_territory_nodes_TenantId_Path",
                table: "territory_nodes",
                columns: new[] { "TenantId", "Path" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_territory_nodes_TenantId_Code",
                table: "territory_nodes");

            migrationBuilder.DropIndex(
                name: "IX_territory_nodes_TenantId_Path",
                table: "territory_nodes");

            migrationBuilder.DropColumn(
                name: "Code",
                table: "territory_nodes");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "territory_nodes");

            migrationBuilder.DropColumn(
                name: "Name",
                table: "territory_nodes");

            migrationBuilder.DropColumn(
                name: "ParentId",
                table: "territory_nodes");

            migrationBuilder.AlterColumn<string>(
                name: "Path",
                table: "territory_nodes",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(400)",
                oldMaxLength: 400,
                oldCollation: "C");

            migrationBuilder.CreateIndex(
                name: "IX_territory_nodes_Path",
                table: "territory_nodes",
                column: "Path")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_territory_nodes_TenantId",
                table: "territory_nodes",
                column: "TenantId");
        }
    }
}
