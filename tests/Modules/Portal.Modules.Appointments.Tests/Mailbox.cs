using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Serialization;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Appointments.Tests;

/// <summary>The development mailbox (<c>GET /api/dev/mailbox</c>) with the files each email carried, and the appointment helpers the email tests share.</summary>
internal static class Mailbox
{
    public sealed record Attachment(string FileName, string ContentType, byte[] Content)
    {
        [JsonIgnore]
        public string Text => Encoding.UTF8.GetString(Content);

        /// <summary>The file read back by Ical.Net, as a calendar application would.</summary>
        [JsonIgnore]
        public Calendar Calendar => Calendar.Load(Text)!;

        [JsonIgnore]
        public CalendarEvent Event => Assert.Single(Calendar.Events);
    }

    public sealed record Email(string To, string Subject, string Body, DateTimeOffset SentAt, List<Attachment> Attachments)
    {
        [JsonIgnore]
        public Attachment Ics => Assert.Single(Attachments, a => a.FileName.EndsWith(".ics", StringComparison.Ordinal));
    }

    public sealed record Appointment(Guid Id, Guid PatientId, DateTimeOffset Start, DateTimeOffset End, string Status);

    /// <summary>Relays the outboxes and delivers the email, then lists what <paramref name="to"/> received, newest first.</summary>
    public static async Task<List<Email>> DeliveredToAsync(this PortalApp app, string to)
    {
        await app.RunMessagingAsync();
        using var anonymous = app.CreateClient();
        return (await anonymous.GetFromJsonAsync<List<Email>>($"/api/dev/mailbox?to={Uri.EscapeDataString(to)}", PortalClients.Json))!;
    }

    public static async Task<Appointment> AppointmentFrom(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return (await response.Content.ReadFromJsonAsync<Appointment>(PortalClients.Json))!;
        }
    }

    /// <summary>A time as the emails and notifications write it (English as in Australia), e.g. <c>InWords("dddd d MMMM yyyy")</c>.</summary>
    public static string InWords(this DateTimeOffset time, string format) => time.ToString(format, System.Globalization.CultureInfo.GetCultureInfo("en-AU"));

    /// <summary>Books for the patient as the practice's staff do.</summary>
    public static async Task<Appointment> BookAsStaffAsync(this Bookable setup, HttpClient staff, Guid patientId, DateTimeOffset start) =>
        await AppointmentFrom(await staff.PostAsJsonAsync("/api/practice/appointments",
            new { patientId, practitionerId = setup.PractitionerId, appointmentTypeId = setup.TypeId, locationId = setup.LocationId, start }));
}
