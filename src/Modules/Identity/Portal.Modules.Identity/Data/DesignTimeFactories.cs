using Portal.Shared.Persistence;

namespace Portal.Modules.Identity.Data;

internal sealed class SqliteIdentityDesignTimeFactory : SqliteDesignTimeFactory<SqliteIdentityModuleDbContext>;

internal sealed class SqlServerIdentityDesignTimeFactory : SqlServerDesignTimeFactory<SqlServerIdentityModuleDbContext>;
