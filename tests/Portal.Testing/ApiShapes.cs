namespace Portal.Testing;

/// <summary>A page of a list the API answers (<c>{items, total}</c>), items read as the test's own record type.</summary>
public sealed record Page<TItem>(List<TItem> Items, int Total);

/// <summary>What a create answers, when the test needs only the new resource's id.</summary>
public sealed record Created(Guid Id);

/// <summary><c>GET /api/me</c>, the parts tests look at.</summary>
public sealed record Me(Guid UserId, string Email, string Kind, List<string> Roles, List<Guid> PatientIds);
