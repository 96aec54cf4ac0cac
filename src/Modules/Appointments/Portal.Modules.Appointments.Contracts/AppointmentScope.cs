using System.Text.Json.Serialization;
using Portal.Shared.Abstractions;

namespace Portal.Modules.Appointments.Contracts;

/// <summary>Which of a patient's appointments (<c>?scope=upcoming</c> or <c>past</c>): those still to come or those gone by.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<AppointmentScope>))]
public enum AppointmentScope
{
    Upcoming,
    Past,
}
