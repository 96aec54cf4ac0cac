namespace Portal.Shared.Abstractions;

/// <summary>One page of a list that can grow: <c>{items, total}</c>.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total);

/// <summary>Paging of every list that can grow (docs/api-conventions.md): <c>?page=&amp;pageSize=</c>, defaults 1 and 50, at most 200.</summary>
public readonly record struct Paging(int Page, int PageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>Far beyond any real list; keeps <see cref="Skip"/> from overflowing.</summary>
    public const int MaxPage = 1_000_000;

    public int Skip => (Page - 1) * PageSize;

    public static Paging From(int? page, int? pageSize) =>
        new(page is null or < 1 ? 1 : Math.Min(page.Value, MaxPage),
            pageSize is null or < 1 ? DefaultPageSize : Math.Min(pageSize.Value, MaxPageSize));
}
