using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Modules.Notifications.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class NotificationChangeRequestId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ChangeRequestId",
                schema: "notifications",
                table: "Notifications",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_ChangeRequestId",
                schema: "notifications",
                table: "Notifications",
                column: "ChangeRequestId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notifications_ChangeRequestId",
                schema: "notifications",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "ChangeRequestId",
                schema: "notifications",
                table: "Notifications");
        }
    }
}
