using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Modules.PortalSettings.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AlwaysApproveFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AlwaysApproveFields",
                table: "PracticePortalSettings",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "dateOfBirth,familyName,givenName,sex");

            migrationBuilder.AddColumn<string>(
                name: "After_AlwaysApproveFields",
                table: "PortalSettingsChanges",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "dateOfBirth,familyName,givenName,sex");

            migrationBuilder.AddColumn<string>(
                name: "Before_AlwaysApproveFields",
                table: "PortalSettingsChanges",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "dateOfBirth,familyName,givenName,sex");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AlwaysApproveFields",
                table: "PracticePortalSettings");

            migrationBuilder.DropColumn(
                name: "After_AlwaysApproveFields",
                table: "PortalSettingsChanges");

            migrationBuilder.DropColumn(
                name: "Before_AlwaysApproveFields",
                table: "PortalSettingsChanges");
        }
    }
}
