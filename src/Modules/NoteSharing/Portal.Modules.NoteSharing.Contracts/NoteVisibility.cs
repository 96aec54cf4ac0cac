namespace Portal.Modules.NoteSharing.Contracts;

/// <summary>
/// Who may read a clinical note besides its author: <see cref="Group"/> notes are read by the other practitioners of
/// the practice group while its <c>noteSharing</c> setting is on; <see cref="Private"/> notes by no one else, ever.
/// </summary>
public enum NoteVisibility
{
    Group,
    Private,
}
