using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Portal.Shared.Persistence;

/// <summary>Conventions every module DbContext applies, whatever its base class.</summary>
public static class ModelBuilderConventions
{
    /// <summary>Schemas exist on SQL Server only (SQLite has none and warns).</summary>
    public static ModelBuilder UseModuleSchema(this ModelBuilder modelBuilder, DatabaseFacade database, string schema)
    {
        if (database.IsSqlServer())
        {
            modelBuilder.HasDefaultSchema(schema);
        }

        return modelBuilder;
    }

    /// <summary>
    /// SQLite cannot compare or order <see cref="DateTimeOffset"/> values stored as text, so there they are
    /// stored as a sortable 64-bit number. Portal stores only UTC instants, so the order is the time order.
    /// </summary>
    public static void UsePortalConventions(this ModelConfigurationBuilder configurationBuilder, DatabaseFacade database)
    {
        if (database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}
