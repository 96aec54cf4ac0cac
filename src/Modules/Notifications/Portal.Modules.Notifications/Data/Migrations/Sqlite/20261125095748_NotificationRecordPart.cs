using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Modules.Notifications.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NotificationRecordPart : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RecordPart",
                table: "Notifications",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_PatientId_RecordPart",
                table: "Notifications",
                columns: new[] { "PatientId", "RecordPart" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notifications_PatientId_RecordPart",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "RecordPart",
                table: "Notifications");
        }
    }
}
