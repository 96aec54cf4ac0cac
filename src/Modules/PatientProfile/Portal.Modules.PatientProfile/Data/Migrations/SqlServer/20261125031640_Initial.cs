using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Modules.PatientProfile.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "patient_profile");

            migrationBuilder.CreateTable(
                name: "PatientAccessLog",
                schema: "patient_profile",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PatientId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PracticeGroupId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ActorUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ActorName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PatientAccessLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Patients",
                schema: "patient_profile",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PracticeGroupId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    GivenName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    FamilyName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    PreferredName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: false),
                    Sex = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    Email = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    MobilePhone = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    Address_Line1 = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Address_Line2 = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Address_Suburb = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Address_State = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: true),
                    Address_Postcode = table.Column<string>(type: "nvarchar(4)", maxLength: 4, nullable: true),
                    Address_Country = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: true),
                    EmergencyContact_Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    EmergencyContact_Relationship = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    EmergencyContact_Phone = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    PortalStatus = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Patients", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PatientAccessLog_PatientId_At",
                schema: "patient_profile",
                table: "PatientAccessLog",
                columns: new[] { "PatientId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Patients_PracticeGroupId_DateOfBirth",
                schema: "patient_profile",
                table: "Patients",
                columns: new[] { "PracticeGroupId", "DateOfBirth" });

            migrationBuilder.CreateIndex(
                name: "IX_Patients_PracticeGroupId_Email",
                schema: "patient_profile",
                table: "Patients",
                columns: new[] { "PracticeGroupId", "Email" });

            migrationBuilder.CreateIndex(
                name: "IX_Patients_PracticeGroupId_FamilyName_GivenName",
                schema: "patient_profile",
                table: "Patients",
                columns: new[] { "PracticeGroupId", "FamilyName", "GivenName" });

            migrationBuilder.CreateIndex(
                name: "IX_Patients_PracticeGroupId_GivenName",
                schema: "patient_profile",
                table: "Patients",
                columns: new[] { "PracticeGroupId", "GivenName" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PatientAccessLog",
                schema: "patient_profile");

            migrationBuilder.DropTable(
                name: "Patients",
                schema: "patient_profile");
        }
    }
}
