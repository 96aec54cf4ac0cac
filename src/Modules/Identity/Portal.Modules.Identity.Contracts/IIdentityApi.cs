using Portal.Shared.Abstractions;

namespace Portal.Modules.Identity.Contracts;

/// <summary>
/// What other modules may ask of Identity. Invitations uses it to create a patient's account and to link
/// a patient record (of a practice) to an account; one account may hold records of several practices.
/// </summary>
public interface IIdentityApi
{
    Task<PracticeGroupInfo?> GetPracticeGroupAsync(Guid practiceGroupId, CancellationToken cancellationToken);

    /// <summary>The practitioners of a group (e.g. to notify or remind them).</summary>
    Task<IReadOnlyList<PractitionerInfo>> GetPractitionersAsync(Guid practiceGroupId, CancellationToken cancellationToken);

    /// <summary>The account that owns this email, if any (email comparison ignores case).</summary>
    Task<AccountInfo?> FindAccountByEmailAsync(string email, CancellationToken cancellationToken);

    /// <summary>
    /// Creates a patient account with this email and password. Fails with <c>identity.email-taken</c> (409)
    /// when an account already has the email, or a 400 when the password is too weak.
    /// </summary>
    Task<Result<Guid>> CreatePatientAccountAsync(NewPatientAccount account, CancellationToken cancellationToken);

    /// <summary>Links a patient record to a patient account; linking the same record twice changes nothing.</summary>
    Task<Result> LinkPatientRecordAsync(Guid userId, Guid patientId, Guid practiceGroupId, CancellationToken cancellationToken);

    /// <summary>The account a patient record is linked to, if any.</summary>
    Task<Guid?> FindAccountLinkedToPatientAsync(Guid patientId, CancellationToken cancellationToken);

    /// <summary>Those of <paramref name="patientIds"/> that are linked to an account (one query).</summary>
    Task<IReadOnlyCollection<Guid>> FindLinkedPatientsAsync(IReadOnlyCollection<Guid> patientIds, CancellationToken cancellationToken);

    /// <summary>The patient records linked to an account.</summary>
    Task<IReadOnlyList<LinkedPatientRecord>> GetLinkedPatientRecordsAsync(Guid userId, CancellationToken cancellationToken);
}

public sealed record PracticeGroupInfo(Guid Id, string Name, string TimeZone);

public sealed record PractitionerInfo(Guid UserId, string Email, string Name, bool IsPracticeAdmin);

public sealed record AccountInfo(Guid UserId, string Email, AccountKind Kind);

public sealed record NewPatientAccount(string Email, string Password, string GivenName, string FamilyName);

public sealed record LinkedPatientRecord(Guid PatientId, Guid PracticeGroupId, DateTimeOffset LinkedAt);

public static class IdentityErrorCodes
{
    public const string EmailTaken = "identity.email-taken";
    public const string WeakPassword = "identity.weak-password";
    public const string NotAPatientAccount = "identity.not-a-patient-account";
}
