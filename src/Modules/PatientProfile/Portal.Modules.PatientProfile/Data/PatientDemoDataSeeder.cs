using Microsoft.EntityFrameworkCore;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Modules.PatientProfile.Domain;
using Portal.Shared.Modules;

namespace Portal.Modules.PatientProfile.Data;

/// <summary>The documented demo patients, none of them invited yet (Development, empty database only).</summary>
internal sealed class PatientDemoDataSeeder(PatientProfileDbContext db, TimeProvider clock) : IDemoDataSeeder
{
    public int Order => 10;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Patients.AnyAsync(cancellationToken))
        {
            return;
        }

        var harbour = DemoData.HarbourHealthId;
        var summit = DemoData.SummitPhysioId;
        Patient[] patients =
        [
            Patient(DemoPatients.AvaNguyenId, harbour, "Ava", "Nguyen", new DateOnly(1990, 4, 12), Sex.Female, "ava@example.test", "+61412345678",
                new Address("12 Wharf Street", null, "Pyrmont", "NSW", "2009", "AU"), new EmergencyContact("Minh Nguyen", "Brother", "+61412000111")),
            Patient(DemoPatients.NoahSmithId, harbour, "Noah", "Smith", new DateOnly(1984, 11, 3), Sex.Male, "noah@example.test", "+61423456789",
                new Address("5 Ocean Parade", "Unit 4", "Manly", "NSW", "2095", "AU"), null),
            Patient(DemoPatients.MiaChenId, harbour, "Mia", "Chen", new DateOnly(2001, 7, 21), Sex.Female, "mia@example.test", null, null, null),
            Patient(DemoPatients.LiamWilsonId, harbour, "Liam", "Wilson", new DateOnly(1958, 2, 28), Sex.Male, null, "+61298765432", null, null),
            Patient(DemoPatients.OliviaBrownId, harbour, "Olivia", "Brown", new DateOnly(2015, 9, 9), Sex.Female, "olivia.parent@example.test", null, null,
                new EmergencyContact("Sarah Brown", "Mother", "+61434567890")),
            Patient(DemoPatients.JackTaylorId, summit, "Jack", "Taylor", new DateOnly(1979, 5, 17), Sex.Male, "jack@example.test", "+61445678901",
                new Address("88 Summit Road", null, "Katoomba", "NSW", "2780", "AU"), null),
            Patient(DemoPatients.ChloeMartinId, summit, "Chloe", "Martin", new DateOnly(1995, 12, 1), Sex.Female, "chloe@example.test", null, null, null),
        ];
        db.Patients.AddRange(patients);
        foreach (var patient in patients)
        {
            db.HealthRecords.Add(HealthRecord.For(patient, patient.CreatedAt,
                patient.Id == DemoPatients.AvaNguyenId ? AvaHealthRecord : HealthRecord.EmptyContent));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private const string AvaHealthRecord =
        """{"allergies":[{"substance":"Penicillin","reaction":"Hives","severity":"moderate"}],"medications":[{"name":"Salbutamol inhaler","dose":"100 mcg","frequency":"As needed"}],"conditions":[{"name":"Asthma","since":"2004"}]}""";

    private Patient Patient(
        Guid id, Guid groupId, string given, string family, DateOnly born, Sex sex, string? email, string? mobile, Address? address, EmergencyContact? contact)
    {
        var now = clock.GetUtcNow();
        var patient = Domain.Patient.New(id, groupId, createdBy: Guid.Empty, now);
        patient.ChangeDetails(given, family, preferredName: null, born, sex, email, mobile, address, contact, now);   // version 1
        return patient;
    }
}
