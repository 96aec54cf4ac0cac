using Portal.Shared.Abstractions;

namespace Portal.Modules.Identity.Domain;

/// <summary>The API's roles (docs/api-conventions.md) with fixed ids, so migrations create them everywhere.</summary>
internal static class PortalRoles
{
    public static readonly (Guid Id, string Name)[] All =
    [
        (new Guid("0b8f6a3e-5d1c-4c2a-9f00-000000000001"), Roles.Practitioner),
        (new Guid("0b8f6a3e-5d1c-4c2a-9f00-000000000002"), Roles.PracticeAdmin),
        (new Guid("0b8f6a3e-5d1c-4c2a-9f00-000000000003"), Roles.Patient),
        (new Guid("0b8f6a3e-5d1c-4c2a-9f00-000000000004"), Roles.Operator),
    ];
}
