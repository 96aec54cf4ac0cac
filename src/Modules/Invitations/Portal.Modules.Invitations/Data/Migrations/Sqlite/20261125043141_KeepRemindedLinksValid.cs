using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Modules.Invitations.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class KeepRemindedLinksValid : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "StillValid",
                table: "SupersededInvitationTokens",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "StillValid",
                table: "SupersededInvitationTokens");
        }
    }
}
