using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Modules.Appointments.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "appointments");

            migrationBuilder.CreateTable(
                name: "Appointments",
                schema: "appointments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PracticeGroupId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PatientId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PractitionerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LocationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AppointmentTypeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Start = table.Column<long>(type: "bigint", nullable: false),
                    End = table.Column<long>(type: "bigint", nullable: false),
                    BufferAfter = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    BookedAt = table.Column<long>(type: "bigint", nullable: false),
                    BookedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CancelledAt = table.Column<long>(type: "bigint", nullable: true),
                    CancelledBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    CancellationReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    RescheduledAt = table.Column<long>(type: "bigint", nullable: true),
                    ReminderSentAt = table.Column<long>(type: "bigint", nullable: true),
                    CalendarSequence = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Appointments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AppointmentTypes",
                schema: "appointments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PracticeGroupId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Length = table.Column<int>(type: "int", nullable: false),
                    BufferAfter = table.Column<int>(type: "int", nullable: false),
                    PriceCents = table.Column<long>(type: "bigint", nullable: false),
                    BookableOnline = table.Column<bool>(type: "bit", nullable: false),
                    NewPatients = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppointmentTypes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AvailabilityRules",
                schema: "appointments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PracticeGroupId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PractitionerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LocationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Day = table.Column<int>(type: "int", nullable: false),
                    Start = table.Column<TimeOnly>(type: "time", nullable: false),
                    End = table.Column<TimeOnly>(type: "time", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AvailabilityRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BookingSettings",
                schema: "appointments",
                columns: table => new
                {
                    PracticeGroupId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: true),
                    UpdatedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Rules_CancellationNotice = table.Column<int>(type: "int", nullable: false),
                    Rules_GracePeriod = table.Column<int>(type: "int", nullable: false),
                    Rules_MaxDaysAhead = table.Column<int>(type: "int", nullable: false),
                    Rules_MinimumLead = table.Column<int>(type: "int", nullable: false),
                    Rules_OnlineBooking = table.Column<bool>(type: "bit", nullable: false),
                    Rules_PatientCancellation = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BookingSettings", x => x.PracticeGroupId);
                });

            migrationBuilder.CreateTable(
                name: "BookingSettingsChanges",
                schema: "appointments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PracticeGroupId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChangedAt = table.Column<long>(type: "bigint", nullable: false),
                    ChangedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChangedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    After_CancellationNotice = table.Column<int>(type: "int", nullable: false),
                    After_GracePeriod = table.Column<int>(type: "int", nullable: false),
                    After_MaxDaysAhead = table.Column<int>(type: "int", nullable: false),
                    After_MinimumLead = table.Column<int>(type: "int", nullable: false),
                    After_OnlineBooking = table.Column<bool>(type: "bit", nullable: false),
                    After_PatientCancellation = table.Column<bool>(type: "bit", nullable: false),
                    Before_CancellationNotice = table.Column<int>(type: "int", nullable: false),
                    Before_GracePeriod = table.Column<int>(type: "int", nullable: false),
                    Before_MaxDaysAhead = table.Column<int>(type: "int", nullable: false),
                    Before_MinimumLead = table.Column<int>(type: "int", nullable: false),
                    Before_OnlineBooking = table.Column<bool>(type: "bit", nullable: false),
                    Before_PatientCancellation = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BookingSettingsChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxMessages",
                schema: "appointments",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Consumer = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxMessages", x => new { x.EventId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "Locations",
                schema: "appointments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PracticeGroupId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    TimeZoneId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Locations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OccupiedTimeUnits",
                schema: "appointments",
                columns: table => new
                {
                    PractitionerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Unit = table.Column<long>(type: "bigint", nullable: false),
                    AppointmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OccupiedTimeUnits", x => new { x.PractitionerId, x.Unit });
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                schema: "appointments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Type = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Payload = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    LastError = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TimeOff",
                schema: "appointments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PracticeGroupId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PractitionerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Start = table.Column<long>(type: "bigint", nullable: false),
                    End = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    CreatedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimeOff", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_PatientId_Start",
                schema: "appointments",
                table: "Appointments",
                columns: new[] { "PatientId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_PracticeGroupId_Start",
                schema: "appointments",
                table: "Appointments",
                columns: new[] { "PracticeGroupId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_PractitionerId_Start",
                schema: "appointments",
                table: "Appointments",
                columns: new[] { "PractitionerId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_Status_ReminderSentAt_Start",
                schema: "appointments",
                table: "Appointments",
                columns: new[] { "Status", "ReminderSentAt", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_AppointmentTypes_PracticeGroupId",
                schema: "appointments",
                table: "AppointmentTypes",
                column: "PracticeGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_AvailabilityRules_PracticeGroupId",
                schema: "appointments",
                table: "AvailabilityRules",
                column: "PracticeGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_AvailabilityRules_PractitionerId_LocationId",
                schema: "appointments",
                table: "AvailabilityRules",
                columns: new[] { "PractitionerId", "LocationId" });

            migrationBuilder.CreateIndex(
                name: "IX_BookingSettingsChanges_PracticeGroupId_ChangedAt",
                schema: "appointments",
                table: "BookingSettingsChanges",
                columns: new[] { "PracticeGroupId", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Locations_PracticeGroupId",
                schema: "appointments",
                table: "Locations",
                column: "PracticeGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_OccupiedTimeUnits_AppointmentId",
                schema: "appointments",
                table: "OccupiedTimeUnits",
                column: "AppointmentId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_ProcessedAt_NextAttemptAt",
                schema: "appointments",
                table: "OutboxMessages",
                columns: new[] { "ProcessedAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TimeOff_PractitionerId_Start",
                schema: "appointments",
                table: "TimeOff",
                columns: new[] { "PractitionerId", "Start" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Appointments",
                schema: "appointments");

            migrationBuilder.DropTable(
                name: "AppointmentTypes",
                schema: "appointments");

            migrationBuilder.DropTable(
                name: "AvailabilityRules",
                schema: "appointments");

            migrationBuilder.DropTable(
                name: "BookingSettings",
                schema: "appointments");

            migrationBuilder.DropTable(
                name: "BookingSettingsChanges",
                schema: "appointments");

            migrationBuilder.DropTable(
                name: "InboxMessages",
                schema: "appointments");

            migrationBuilder.DropTable(
                name: "Locations",
                schema: "appointments");

            migrationBuilder.DropTable(
                name: "OccupiedTimeUnits",
                schema: "appointments");

            migrationBuilder.DropTable(
                name: "OutboxMessages",
                schema: "appointments");

            migrationBuilder.DropTable(
                name: "TimeOff",
                schema: "appointments");
        }
    }
}
