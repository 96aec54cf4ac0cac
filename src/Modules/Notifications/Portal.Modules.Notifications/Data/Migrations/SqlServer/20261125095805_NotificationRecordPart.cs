using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Modules.Notifications.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class NotificationRecordPart : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RecordPart",
                schema: "notifications",
                table: "Notifications",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_PatientId_RecordPart",
                schema: "notifications",
                table: "Notifications",
                columns: new[] { "PatientId", "RecordPart" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notifications_PatientId_RecordPart",
                schema: "notifications",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "RecordPart",
                schema: "notifications",
                table: "Notifications");
        }
    }
}
