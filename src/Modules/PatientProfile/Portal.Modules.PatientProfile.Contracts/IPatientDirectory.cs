namespace Portal.Modules.PatientProfile.Contracts;

/// <summary>How other modules read a patient record of a practice group (e.g. Invitations, to address an invitation).</summary>
public interface IPatientDirectory
{
    /// <summary>The patient, only if the record belongs to <paramref name="practiceGroupId"/>.</summary>
    Task<PatientSummary?> FindAsync(Guid practiceGroupId, Guid patientId, CancellationToken cancellationToken);

    /// <summary>Those of <paramref name="patientIds"/> that are records of <paramref name="practiceGroupId"/> (one query).</summary>
    Task<IReadOnlyList<PatientSummary>> FindManyAsync(Guid practiceGroupId, IReadOnlyCollection<Guid> patientIds, CancellationToken cancellationToken);
}

public sealed record PatientSummary(Guid PatientId, Guid PracticeGroupId, string GivenName, string FamilyName, DateOnly DateOfBirth, string? Email);

/// <summary>Where a patient stands with the portal.</summary>
public enum PortalStatus
{
    NotInvited,
    Invited,
    Active,
}

/// <summary>Sex as recorded by Australian health services.</summary>
public enum Sex
{
    Female,
    Male,
    Other,
    NotStated,
}

/// <summary>Fixed ids of the Development demo patients (the README's demo patients), for other modules' demo data and for tests.</summary>
public static class DemoPatients
{
    public static readonly Guid AvaNguyenId = new("b1b2c3d4-0000-4000-8000-000000000001");
    public static readonly Guid NoahSmithId = new("b1b2c3d4-0000-4000-8000-000000000002");
    public static readonly Guid MiaChenId = new("b1b2c3d4-0000-4000-8000-000000000003");
    public static readonly Guid LiamWilsonId = new("b1b2c3d4-0000-4000-8000-000000000004");
    public static readonly Guid OliviaBrownId = new("b1b2c3d4-0000-4000-8000-000000000005");
    public static readonly Guid JackTaylorId = new("b1b2c3d4-0000-4000-8000-000000000101");
    public static readonly Guid ChloeMartinId = new("b1b2c3d4-0000-4000-8000-000000000102");
}

/// <summary>The answer of every module when a practice asks for a patient that is not one of its own (or none at all).</summary>
public static class PatientRecordErrors
{
    public static readonly Portal.Shared.Abstractions.Error NotFound =
        Portal.Shared.Abstractions.Error.NotFound("patients.not-found", "No such patient in your practice.");
}
