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
                name: "PortalSettingsChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PracticeGroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChangedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    After_NoteSharing = table.Column<bool>(type: "INTEGER", nullable: false),
                    After_PatientInvitations = table.Column<bool>(type: "INTEGER", nullable: false),
                    After_PatientUpdates = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    After_PortalEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
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
                name: "IX_PortalSettingsChanges_PracticeGroupId_ChangedAt",
                table: "PortalSettingsChanges",
                columns: new[] { "PracticeGroupId", "ChangedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PortalSettingsChanges");

            migrationBuilder.DropTable(
                name: "PracticePortalSettings");
        }
    }
}
