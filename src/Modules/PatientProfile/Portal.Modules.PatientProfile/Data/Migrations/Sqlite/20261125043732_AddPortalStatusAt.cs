using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Modules.PatientProfile.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddPortalStatusAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "PortalStatusAt",
                table: "Patients",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PortalStatusAt",
                table: "Patients");
        }
    }
}
