using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Modules.PortalSettings.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AlwaysApproveFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AlwaysApproveFields",
                schema: "portal_settings",
                table: "PracticePortalSettings",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "dateOfBirth,familyName,givenName,sex");

            migrationBuilder.AddColumn<string>(
                name: "After_AlwaysApproveFields",
                schema: "portal_settings",
                table: "PortalSettingsChanges",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "dateOfBirth,familyName,givenName,sex");

            migrationBuilder.AddColumn<string>(
                name: "Before_AlwaysApproveFields",
                schema: "portal_settings",
                table: "PortalSettingsChanges",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "dateOfBirth,familyName,givenName,sex");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AlwaysApproveFields",
                schema: "portal_settings",
                table: "PracticePortalSettings");

            migrationBuilder.DropColumn(
                name: "After_AlwaysApproveFields",
                schema: "portal_settings",
                table: "PortalSettingsChanges");

            migrationBuilder.DropColumn(
                name: "Before_AlwaysApproveFields",
                schema: "portal_settings",
                table: "PortalSettingsChanges");
        }
    }
}
