using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Modules.PatientProfile.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HealthRecordsChangeRequestsAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RemoteAddress",
                table: "PatientAccessLog",
                type: "TEXT",
                maxLength: 45,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Subject",
                table: "PatientAccessLog",
                type: "TEXT",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "ApprovalReminders",
                columns: table => new
                {
                    PractitionerUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LastSentOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApprovalReminders", x => x.PractitionerUserId);
                });

            migrationBuilder.CreateTable(
                name: "ChangeRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PracticeGroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SubmittedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Changes = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DecidedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Forced = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HealthRecords",
                columns: table => new
                {
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PracticeGroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HealthRecords", x => x.PatientId);
                    table.ForeignKey(
                        name: "FK_HealthRecords_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChangeRequests_PatientId_SubmittedAt",
                table: "ChangeRequests",
                columns: new[] { "PatientId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ChangeRequests_PracticeGroupId_Status_SubmittedAt",
                table: "ChangeRequests",
                columns: new[] { "PracticeGroupId", "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ChangeRequests_Status_SubmittedAt",
                table: "ChangeRequests",
                columns: new[] { "Status", "SubmittedAt" });

            // Entries written before the access log named the part of the record were all about personal details;
            // every existing patient gets an empty health record (new patients get one when they are created).
            migrationBuilder.Sql("UPDATE \"PatientAccessLog\" SET \"Subject\" = 'profile' WHERE \"Subject\" = '';");
            migrationBuilder.Sql("INSERT INTO \"HealthRecords\" (PatientId, PracticeGroupId, Content, UpdatedAt, Version) "
                + "SELECT Id, PracticeGroupId, '{\"allergies\":[],\"medications\":[],\"conditions\":[]}', UpdatedAt, 1 FROM \"Patients\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApprovalReminders");

            migrationBuilder.DropTable(
                name: "ChangeRequests");

            migrationBuilder.DropTable(
                name: "HealthRecords");

            migrationBuilder.DropColumn(
                name: "RemoteAddress",
                table: "PatientAccessLog");

            migrationBuilder.DropColumn(
                name: "Subject",
                table: "PatientAccessLog");
        }
    }
}
