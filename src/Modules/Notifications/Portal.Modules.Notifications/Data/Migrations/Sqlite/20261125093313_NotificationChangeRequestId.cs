using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Modules.Notifications.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NotificationChangeRequestId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ChangeRequestId",
                table: "Notifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_ChangeRequestId",
                table: "Notifications",
                column: "ChangeRequestId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notifications_ChangeRequestId",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "ChangeRequestId",
                table: "Notifications");
        }
    }
}
