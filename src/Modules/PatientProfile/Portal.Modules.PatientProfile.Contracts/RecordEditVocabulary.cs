namespace Portal.Modules.PatientProfile.Contracts;

/// <summary>What became of a patient's edit of a record (the <c>outcome</c> of <c>PATCH /api/portal/profile</c> and <c>/health-record</c>).</summary>
public enum EditOutcome
{
    Applied,
    PendingApproval,
    Refused,

    /// <summary>The edit set the fields of the patient's pending request back to today's values: nothing waits any more.</summary>
    Withdrawn,
}

/// <summary>What a change did to one entry of a health record's list.</summary>
public enum EntryChangeKind
{
    Added,
    Changed,
    Removed,
}

/// <summary>Who recorded an entry of the health record. Set by the server; a value sent by a client is ignored.</summary>
public enum EntrySource
{
    Patient,
    Practice,
}

public enum AllergySeverity
{
    Mild,
    Moderate,
    Severe,
}

/// <summary>How a change came to be applied (the <c>source</c> of a record version: <c>patientEdit</c>, <c>practiceEdit</c>, <c>approval</c>, <c>restore</c>).</summary>
public enum VersionSource
{
    /// <summary>The patient's own edit, applied at once by the practice's policy.</summary>
    PatientEdit,

    /// <summary>A practitioner's edit of the record.</summary>
    PracticeEdit,

    /// <summary>A practitioner approved the patient's change request.</summary>
    Approval,

    /// <summary>A practitioner brought back the record as it was before an earlier change.</summary>
    Restore,
}
