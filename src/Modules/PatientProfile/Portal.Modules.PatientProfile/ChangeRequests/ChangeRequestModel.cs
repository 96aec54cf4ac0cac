using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Shared.Persistence;

namespace Portal.Modules.PatientProfile.ChangeRequests;

internal static class ChangeRequestModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The change-request table of a module database; the changes are stored as one JSON document.</summary>
    public static ModelBuilder AddChangeRequests(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ChangeRequest>(request =>
        {
            request.ToTable("ChangeRequests");
            request.Property(r => r.Subject).HasCamelCaseConversion().HasMaxLength(50);
            request.Property(r => r.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
            request.Property(r => r.DecidedByName).HasMaxLength(200);
            request.Property(r => r.Reason).HasMaxLength(1000);
            request.Property(r => r.Changes)
                .HasConversion(
                    changes => JsonSerializer.Serialize(changes, Json),
                    json => JsonSerializer.Deserialize<List<FieldChange>>(json, Json) ?? new List<FieldChange>(),
                    new ValueComparer<IReadOnlyList<FieldChange>>(
                        (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
                        changes => JsonSerializer.Serialize(changes, Json).GetHashCode(StringComparison.Ordinal),
                        changes => changes.ToList()));
            // The practice's queue (pending, longest waiting first) and its decided lists (newest first), the patient's
            // own list (and their pending request, read before each edit), and the reminder job.
            request.HasIndex(r => new { r.PracticeGroupId, r.Status, r.WaitingSince });
            request.HasIndex(r => new { r.PracticeGroupId, r.Status, r.SubmittedAt });
            request.HasIndex(r => new { r.PatientId, r.SubmittedAt });
            request.HasIndex(r => new { r.Status, r.WaitingSince });
        });
        return modelBuilder;
    }
}
