using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Modules.Invitations.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class KeepRemindedLinksValid : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "StillValid",
                schema: "invitations",
                table: "SupersededInvitationTokens",
                type: "bit",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "StillValid",
                schema: "invitations",
                table: "SupersededInvitationTokens");
        }
    }
}
