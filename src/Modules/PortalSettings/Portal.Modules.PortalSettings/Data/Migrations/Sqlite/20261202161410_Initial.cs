using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Modules.PortalSettings.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InboxMessages",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Consumer = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxMessages", x => new { x.EventId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PortalSettingsChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PracticeGroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChangedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    After_AlwaysApproveFields = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false, defaultValue: "dateOfBirth,familyName,givenName,sex"),
                    After_NoteSharing = table.Column<bool>(type: "INTEGER", nullable: false),
                    After_PatientInvitations = table.Column<bool>(type: "INTEGER", nullable: false),
                    After_PatientUpdates = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    After_PortalEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Before_AlwaysApproveFields = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false, defaultValue: "dateOfBirth,familyName,givenName,sex"),
                    Before_NoteSharing = table.Column<bool>(type: "INTEGER", nullable: false),
                    Before_PatientInvitations = table.Column<bool>(type: "INTEGER", nullable: false),
                    Before_PatientUpdates = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Before_PortalEnabled = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalSettingsChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PracticePortalSettings",
                columns: table => new
                {
                    PracticeGroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PortalEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    PatientInvitations = table.Column<bool>(type: "INTEGER", nullable: false),
                    PatientUpdates = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    NoteSharing = table.Column<bool>(type: "INTEGER", nullable: false),
                    AlwaysApproveFields = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false, defaultValue: "dateOfBirth,familyName,givenName,sex"),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PracticePortalSettings", x => x.PracticeGroupId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_ProcessedAt_NextAttemptAt",
                table: "OutboxMessages",
                columns: new[] { "ProcessedAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PortalSettingsChanges_PracticeGroupId_ChangedAt",
                table: "PortalSettingsChanges",
                columns: new[] { "PracticeGroupId", "ChangedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InboxMessages");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "PortalSettingsChanges");

            migrationBuilder.DropTable(
                name: "PracticePortalSettings");
        }
    }
}
