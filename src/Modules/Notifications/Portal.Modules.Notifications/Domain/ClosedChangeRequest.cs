namespace Portal.Modules.Notifications.Domain;

/// <summary>
/// A patient's change request that no longer waits (decided, withdrawn or replaced by a newer one), as this module
/// learnt from PatientProfile's events. A request's own event relayed late (after a retry) finds it here and announces
/// nothing, without asking PatientProfile what its event should have said.
/// </summary>
internal sealed class ClosedChangeRequest
{
    public Guid ChangeRequestId { get; private init; }
    public DateTimeOffset ClosedAt { get; private init; }

    public static ClosedChangeRequest At(Guid changeRequestId, DateTimeOffset closedAt) =>
        new() { ChangeRequestId = changeRequestId, ClosedAt = closedAt };
}
