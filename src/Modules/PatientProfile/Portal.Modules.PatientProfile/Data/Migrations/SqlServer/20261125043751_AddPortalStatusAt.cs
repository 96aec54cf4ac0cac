using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Modules.PatientProfile.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddPortalStatusAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PortalStatusAt",
                schema: "patient_profile",
                table: "Patients",
                type: "datetimeoffset",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PortalStatusAt",
                schema: "patient_profile",
                table: "Patients");
        }
    }
}
