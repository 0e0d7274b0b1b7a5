namespace StreamingDemo.Web.Features;

/// <summary>One page of a longer list, with the total so pages can say "312 titles".</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount, int Page, int PageSize)
{
    public int PageCount => PageSize <= 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;
}
