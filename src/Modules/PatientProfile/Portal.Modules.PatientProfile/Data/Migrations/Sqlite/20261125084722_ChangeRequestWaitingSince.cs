using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Modules.PatientProfile.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChangeRequestWaitingSince : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ChangeRequests_Status_SubmittedAt",
                table: "ChangeRequests");

            migrationBuilder.AddColumn<long>(
                name: "WaitingSince",
                table: "ChangeRequests",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Requests made before this column waited since they were submitted.
            migrationBuilder.Sql("UPDATE \"ChangeRequests\" SET \"WaitingSince\" = \"SubmittedAt\";");

            migrationBuilder.CreateIndex(
                name: "IX_ChangeRequests_PracticeGroupId_Status_WaitingSince",
                table: "ChangeRequests",
                columns: new[] { "PracticeGroupId", "Status", "WaitingSince" });

            migrationBuilder.CreateIndex(
                name: "IX_ChangeRequests_Status_WaitingSince",
                table: "ChangeRequests",
                columns: new[] { "Status", "WaitingSince" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ChangeRequests_PracticeGroupId_Status_WaitingSince",
                table: "ChangeRequests");

            migrationBuilder.DropIndex(
                name: "IX_ChangeRequests_Status_WaitingSince",
                table: "ChangeRequests");

            migrationBuilder.DropColumn(
                name: "WaitingSince",
                table: "ChangeRequests");

            migrationBuilder.CreateIndex(
                name: "IX_ChangeRequests_Status_SubmittedAt",
                table: "ChangeRequests",
                columns: new[] { "Status", "SubmittedAt" });
        }
    }
}
