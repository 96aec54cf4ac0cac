using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Modules.PatientProfile.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ChangeRequestWaitingSince : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ChangeRequests_Status_SubmittedAt",
                schema: "patient_profile",
                table: "ChangeRequests");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "WaitingSince",
                schema: "patient_profile",
                table: "ChangeRequests",
                type: "datetimeoffset",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Requests made before this column waited since they were submitted.
            migrationBuilder.Sql("UPDATE [patient_profile].[ChangeRequests] SET [WaitingSince] = [SubmittedAt];");

            migrationBuilder.CreateIndex(
                name: "IX_ChangeRequests_PracticeGroupId_Status_WaitingSince",
                schema: "patient_profile",
                table: "ChangeRequests",
                columns: new[] { "PracticeGroupId", "Status", "WaitingSince" });

            migrationBuilder.CreateIndex(
                name: "IX_ChangeRequests_Status_WaitingSince",
                schema: "patient_profile",
                table: "ChangeRequests",
                columns: new[] { "Status", "WaitingSince" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ChangeRequests_PracticeGroupId_Status_WaitingSince",
                schema: "patient_profile",
                table: "ChangeRequests");

            migrationBuilder.DropIndex(
                name: "IX_ChangeRequests_Status_WaitingSince",
                schema: "patient_profile",
                table: "ChangeRequests");

            migrationBuilder.DropColumn(
                name: "WaitingSince",
                schema: "patient_profile",
                table: "ChangeRequests");

            migrationBuilder.CreateIndex(
                name: "IX_ChangeRequests_Status_SubmittedAt",
                schema: "patient_profile",
                table: "ChangeRequests",
                columns: new[] { "Status", "SubmittedAt" });
        }
    }
}
