namespace Portal.Modules.Identity.Contracts;

/// <summary>
/// The fixed ids of the Development demo data (the README's demo accounts), so every module's demo seeder refers to the same
/// practice groups and practitioners. Seeded only in Development, only into an empty database.
/// </summary>
public static class DemoData
{
    public const string Password = "Portal-Demo-2026!";

    public static readonly Guid HarbourHealthId = new("a1b2c3d4-0000-4000-8000-000000000001");
    public static readonly Guid SummitPhysioId = new("a1b2c3d4-0000-4000-8000-000000000002");

    public static readonly Guid HarbourAdminId = new("a1b2c3d4-0000-4000-8000-000000000101");
    public static readonly Guid DrLeeId = new("a1b2c3d4-0000-4000-8000-000000000102");
    public static readonly Guid SummitAdminId = new("a1b2c3d4-0000-4000-8000-000000000201");

    public const string HarbourAdminEmail = "admin@harbour.test";
    public const string DrLeeEmail = "dr.lee@harbour.test";
    public const string SummitAdminEmail = "admin@summit.test";
}
