using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Residents.Data.Migrations
{
    /// <inheritdoc />
    public partial class DeliberationDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AbstainVotes",
                table: "topics",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "AcceptanceCriteria",
                table: "topics",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssigneeId",
                table: "topics",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssigneeType",
                table: "topics",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CompletedAt",
                table: "topics",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DecidedAt",
                table: "topics",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Electorate",
                table: "topics",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ElectorateSize",
                table: "topics",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "NoVotes",
                table: "topics",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RatingCount",
                table: "topics",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RatingSum",
                table: "topics",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Rule",
                table: "topics",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "TaskBudget",
                table: "topics",
                type: "numeric(14,2)",
                precision: 14,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "TaskDeadline",
                table: "topics",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "VoteOpenedAt",
                table: "topics",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "YesVotes",
                table: "topics",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<List<string>>(
                name: "Attachments",
                table: "topic_history",
                type: "text[]",
                nullable: false);

            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "topic_history",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "topic_ballots",
                columns: table => new
                {
                    TopicId = table.Column<Guid>(type: "uuid", nullable: false),
                    VoterKey = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Choice = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    EnteredBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_topic_ballots", x => new { x.TopicId, x.VoterKey });
                    table.ForeignKey(
                        name: "FK_topic_ballots_topics_TopicId",
                        column: x => x.TopicId,
                        principalTable: "topics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "topic_ratings",
                columns: table => new
                {
                    TopicId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_topic_ratings", x => new { x.TopicId, x.UserId });
                    table.ForeignKey(
                        name: "FK_topic_ratings_topics_TopicId",
                        column: x => x.TopicId,
                        principalTable: "topics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_topic_ballots_TenantId",
                table: "topic_ballots",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_topic_ratings_TenantId",
                table: "topic_ratings",
                column: "TenantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "topic_ballots");

            migrationBuilder.DropTable(
                name: "topic_ratings");

            migrationBuilder.DropColumn(
                name: "AbstainVotes",
                table: "topics");

            migrationBuilder.DropColumn(
                name: "AcceptanceCriteria",
                table: "topics");

            migrationBuilder.DropColumn(
                name: "AssigneeId",
                table: "topics");

            migrationBuilder.DropColumn(
                name: "AssigneeType",
                table: "topics");

            migrationBuilder.DropColumn(
                name: "CompletedAt",
                table: "topics");

            migrationBuilder.DropColumn(
                name: "DecidedAt",
                table: "topics");

            migrationBuilder.DropColumn(
                name: "Electorate",
                table: "topics");

            migrationBuilder.DropColumn(
                name: "ElectorateSize",
                table: "topics");

            migrationBuilder.DropColumn(
                name: "NoVotes",
                table: "topics");

            migrationBuilder.DropColumn(
                name: "RatingCount",
                table: "topics");

            migrationBuilder.DropColumn(
                name: "RatingSum",
                table: "topics");

            migrationBuilder.DropColumn(
                name: "Rule",
                table: "topics");

            migrationBuilder.DropColumn(
                name: "TaskBudget",
                table: "topics");

            migrationBuilder.DropColumn(
                name: "TaskDeadline",
                table: "topics");

            migrationBuilder.DropColumn(
                name: "VoteOpenedAt",
                table: "topics");

            migrationBuilder.DropColumn(
                name: "YesVotes",
                table: "topics");

            migrationBuilder.DropColumn(
                name: "Attachments",
                table: "topic_history");

            migrationBuilder.DropColumn(
                name: "Note",
                table: "topic_history");
        }
    }
}
