using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Modules.Identity.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Hardening_OperatorRole : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.InsertData(
                schema: "identity",
                table: "AspNetRoles",
                columns: new[] { "Id", "ConcurrencyStamp", "Name", "NormalizedName" },
                values: new object[] { new Guid("0b8f6a3e-5d1c-4c2a-9f00-000000000004"), "0b8f6a3e-5d1c-4c2a-9f00-000000000004", "operator", "OPERATOR" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DeleteData(
                schema: "identity",
                table: "AspNetRoles",
                keyColumn: "Id",
                keyValue: new Guid("0b8f6a3e-5d1c-4c2a-9f00-000000000004"));
        }
    }
}
