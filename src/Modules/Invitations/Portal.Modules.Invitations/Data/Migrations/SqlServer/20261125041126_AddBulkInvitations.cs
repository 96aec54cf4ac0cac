using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Modules.Invitations.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddBulkInvitations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BulkInvitations",
                schema: "invitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PracticeGroupId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RequestedByUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RequestedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Total = table.Column<int>(type: "int", nullable: false),
                    Sent = table.Column<int>(type: "int", nullable: false),
                    Failed = table.Column<int>(type: "int", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BulkInvitations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BulkInvitationItems",
                schema: "invitations",
                columns: table => new
                {
                    BulkInvitationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PatientId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    FailureCode = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: true),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BulkInvitationItems", x => new { x.BulkInvitationId, x.PatientId });
                    table.ForeignKey(
                        name: "FK_BulkInvitationItems_BulkInvitations_BulkInvitationId",
                        column: x => x.BulkInvitationId,
                        principalSchema: "invitations",
                        principalTable: "BulkInvitations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BulkInvitationItems_Status_BulkInvitationId",
                schema: "invitations",
                table: "BulkInvitationItems",
                columns: new[] { "Status", "BulkInvitationId" });

            migrationBuilder.CreateIndex(
                name: "IX_BulkInvitations_PracticeGroupId",
                schema: "invitations",
                table: "BulkInvitations",
                column: "PracticeGroupId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BulkInvitationItems",
                schema: "invitations");

            migrationBuilder.DropTable(
                name: "BulkInvitations",
                schema: "invitations");
        }
    }
}
