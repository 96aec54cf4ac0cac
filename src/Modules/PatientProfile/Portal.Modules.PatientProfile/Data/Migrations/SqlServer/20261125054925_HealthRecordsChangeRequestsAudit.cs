using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Modules.PatientProfile.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class HealthRecordsChangeRequestsAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RemoteAddress",
                schema: "patient_profile",
                table: "PatientAccessLog",
                type: "nvarchar(45)",
                maxLength: 45,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Subject",
                schema: "patient_profile",
                table: "PatientAccessLog",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "ApprovalReminders",
                schema: "patient_profile",
                columns: table => new
                {
                    PractitionerUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LastSentOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApprovalReminders", x => x.PractitionerUserId);
                });

            migrationBuilder.CreateTable(
                name: "ChangeRequests",
                schema: "patient_profile",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PracticeGroupId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PatientId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    SubmittedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Changes = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    DecidedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    DecidedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Forced = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HealthRecords",
                schema: "patient_profile",
                columns: table => new
                {
                    PatientId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PracticeGroupId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Content = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HealthRecords", x => x.PatientId);
                    table.ForeignKey(
                        name: "FK_HealthRecords_Patients_PatientId",
                        column: x => x.PatientId,
                        principalSchema: "patient_profile",
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChangeRequests_PatientId_SubmittedAt",
                schema: "patient_profile",
                table: "ChangeRequests",
                columns: new[] { "PatientId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ChangeRequests_PracticeGroupId_Status_SubmittedAt",
                schema: "patient_profile",
                table: "ChangeRequests",
                columns: new[] { "PracticeGroupId", "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ChangeRequests_Status_SubmittedAt",
                schema: "patient_profile",
                table: "ChangeRequests",
                columns: new[] { "Status", "SubmittedAt" });

            // Entries written before the access log named the part of the record were all about personal details;
            // every existing patient gets an empty health record (new patients get one when they are created).
            migrationBuilder.Sql("UPDATE [patient_profile].[PatientAccessLog] SET [Subject] = 'profile' WHERE [Subject] = '';");
            migrationBuilder.Sql("INSERT INTO [patient_profile].[HealthRecords] (PatientId, PracticeGroupId, Content, UpdatedAt, Version) "
                + "SELECT Id, PracticeGroupId, '{\"allergies\":[],\"medications\":[],\"conditions\":[]}', UpdatedAt, 1 FROM [patient_profile].[Patients];");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApprovalReminders",
                schema: "patient_profile");

            migrationBuilder.DropTable(
                name: "ChangeRequests",
                schema: "patient_profile");

            migrationBuilder.DropTable(
                name: "HealthRecords",
                schema: "patient_profile");

            migrationBuilder.DropColumn(
                name: "RemoteAddress",
                schema: "patient_profile",
                table: "PatientAccessLog");

            migrationBuilder.DropColumn(
                name: "Subject",
                schema: "patient_profile",
                table: "PatientAccessLog");
        }
    }
}
