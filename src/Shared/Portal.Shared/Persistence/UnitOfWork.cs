using Microsoft.EntityFrameworkCore;

namespace Portal.Shared.Persistence;

/// <summary>
/// The module DbContexts used in the current scope (request or job). Each module's context enlists
/// itself when it is resolved, so the unit-of-work behavior saves exactly the contexts a handler touched.
/// </summary>
public sealed class UnitOfWork
{
    private readonly List<DbContext> _contexts = [];
    private readonly List<Action> _afterCommit = [];

    public void Enlist(DbContext context)
    {
        if (!_contexts.Contains(context))
        {
            _contexts.Add(context);
        }
    }

    /// <summary>Runs <paramref name="action"/> once the changes are saved (e.g. to evict a cache entry).</summary>
    public void AfterCommit(Action action) => _afterCommit.Add(action);

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        foreach (var context in _contexts)
        {
            if (context.ChangeTracker.HasChanges())
            {
                await context.SaveChangesAsync(cancellationToken);
            }
        }

        foreach (var action in _afterCommit)
        {
            action();
        }

        _afterCommit.Clear();
    }
}
