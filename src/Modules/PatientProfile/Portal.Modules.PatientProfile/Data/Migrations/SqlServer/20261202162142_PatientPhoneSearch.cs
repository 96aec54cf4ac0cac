using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Modules.PatientProfile.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PatientPhoneSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Patients_PracticeGroupId_MobilePhone",
                schema: "patient_profile",
                table: "Patients",
                columns: new[] { "PracticeGroupId", "MobilePhone" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Patients_PracticeGroupId_MobilePhone",
                schema: "patient_profile",
                table: "Patients");
        }
    }
}
