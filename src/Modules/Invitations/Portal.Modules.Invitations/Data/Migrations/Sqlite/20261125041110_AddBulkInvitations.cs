using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Modules.Invitations.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddBulkInvitations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BulkInvitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PracticeGroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Sent = table.Column<int>(type: "INTEGER", nullable: false),
                    Failed = table.Column<int>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BulkInvitations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BulkInvitationItems",
                columns: table => new
                {
                    BulkInvitationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FailureCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BulkInvitationItems", x => new { x.BulkInvitationId, x.PatientId });
                    table.ForeignKey(
                        name: "FK_BulkInvitationItems_BulkInvitations_BulkInvitationId",
                        column: x => x.BulkInvitationId,
                        principalTable: "BulkInvitations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BulkInvitationItems_Status_BulkInvitationId",
                table: "BulkInvitationItems",
                columns: new[] { "Status", "BulkInvitationId" });

            migrationBuilder.CreateIndex(
                name: "IX_BulkInvitations_PracticeGroupId",
                table: "BulkInvitations",
                column: "PracticeGroupId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BulkInvitationItems");

            migrationBuilder.DropTable(
                name: "BulkInvitations");
        }
    }
}
