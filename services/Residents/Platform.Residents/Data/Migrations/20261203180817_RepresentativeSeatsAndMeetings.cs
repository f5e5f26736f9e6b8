using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Residents.Data.Migrations
{
    /// <inheritdoc />
    public partial class RepresentativeSeatsAndMeetings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "ResidentId",
                table: "topic_ballots",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.CreateTable(
                name: "meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    NodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    NodePath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "C"),
                    Level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Roll = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Quorum = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OnlineLink = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ConvenedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ConvenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Attendance = table.Column<int>(type: "integer", nullable: false),
                    RollSize = table.Column<int>(type: "integer", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Minutes = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CancelReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    AgendaTopicIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    MinorityOpinions = table.Column<List<string>>(type: "text[]", nullable: false),
                    Resolutions = table.Column<string>(type: "jsonb", nullable: true),
                    Speakers = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "representative_seat_plans",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    NodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChangedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Seats_Invitees = table.Column<int>(type: "integer", nullable: false),
                    Seats_LocalUnits = table.Column<int>(type: "integer", nullable: false),
                    Seats_Residents = table.Column<int>(type: "integer", nullable: false),
                    Seats_SocialOrganisations = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_representative_seat_plans", x => new { x.TenantId, x.NodeId });
                });

            migrationBuilder.CreateTable(
                name: "meeting_attendances",
                columns: table => new
                {
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    AttendeeKey = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_attendances", x => new { x.MeetingId, x.AttendeeKey });
                    table.ForeignKey(
                        name: "FK_meeting_attendances_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_meeting_attendances_TenantId",
                table: "meeting_attendances",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_meetings_TenantId_NodePath_StartsAt",
                table: "meetings",
                columns: new[] { "TenantId", "NodePath", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_representative_seat_plans_TenantId",
                table: "representative_seat_plans",
                column: "TenantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "meeting_attendances");

            migrationBuilder.DropTable(
                name: "representative_seat_plans");

            migrationBuilder.DropTable(
                name: "meetings");

            migrationBuilder.AlterColumn<Guid>(
                name: "ResidentId",
                table: "topic_ballots",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
