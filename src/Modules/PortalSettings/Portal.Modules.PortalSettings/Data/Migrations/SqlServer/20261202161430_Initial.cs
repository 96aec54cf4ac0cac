using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Modules.PortalSettings.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "portal_settings");

            migrationBuilder.CreateTable(
                name: "InboxMessages",
                schema: "portal_settings",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Consumer = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxMessages", x => new { x.EventId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                schema: "portal_settings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Type = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Payload = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    LastError = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PortalSettingsChanges",
                schema: "portal_settings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PracticeGroupId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ChangedByUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChangedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    After_AlwaysApproveFields = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false, defaultValue: "dateOfBirth,familyName,givenName,sex"),
                    After_NoteSharing = table.Column<bool>(type: "bit", nullable: false),
                    After_PatientInvitations = table.Column<bool>(type: "bit", nullable: false),
                    After_PatientUpdates = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    After_PortalEnabled = table.Column<bool>(type: "bit", nullable: false),
                    Before_AlwaysApproveFields = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false, defaultValue: "dateOfBirth,familyName,givenName,sex"),
                    Before_NoteSharing = table.Column<bool>(type: "bit", nullable: false),
                    Before_PatientInvitations = table.Column<bool>(type: "bit", nullable: false),
                    Before_PatientUpdates = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Before_PortalEnabled = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalSettingsChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PracticePortalSettings",
                schema: "portal_settings",
                columns: table => new
                {
                    PracticeGroupId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PortalEnabled = table.Column<bool>(type: "bit", nullable: false),
                    PatientInvitations = table.Column<bool>(type: "bit", nullable: false),
                    PatientUpdates = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    NoteSharing = table.Column<bool>(type: "bit", nullable: false),
                    AlwaysApproveFields = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false, defaultValue: "dateOfBirth,familyName,givenName,sex"),
                    Version = table.Column<int>(type: "int", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    UpdatedByUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    UpdatedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PracticePortalSettings", x => x.PracticeGroupId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_ProcessedAt_NextAttemptAt",
                schema: "portal_settings",
                table: "OutboxMessages",
                columns: new[] { "ProcessedAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PortalSettingsChanges_PracticeGroupId_ChangedAt",
                schema: "portal_settings",
                table: "PortalSettingsChanges",
                columns: new[] { "PracticeGroupId", "ChangedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InboxMessages",
                schema: "portal_settings");

            migrationBuilder.DropTable(
                name: "OutboxMessages",
                schema: "portal_settings");

            migrationBuilder.DropTable(
                name: "PortalSettingsChanges",
                schema: "portal_settings");

            migrationBuilder.DropTable(
                name: "PracticePortalSettings",
                schema: "portal_settings");
        }
    }
}
