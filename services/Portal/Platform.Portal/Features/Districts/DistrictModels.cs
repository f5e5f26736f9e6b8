namespace Platform.Portal.Features.Districts;

// The districts service's documents as the platform operator's pages read them; statuses stay wire names.

public sealed record DistrictPage(IReadOnlyList<DistrictView> Items, int Page, int PageSize, int Total);

public sealed record DistrictView(Guid Id, string Identifier, string Name, string City, string AdminCode, string Status, DateTimeOffset CreatedAt)
{
    public bool Suspended => Status == DistrictStatuses.Suspended;
}

public sealed record OnboardedDistrict(Guid Id, string Identifier, string Name, string AdminLogin);

internal static class DistrictStatuses
{
    public const string Active = "active";
    public const string Suspended = "suspended";

    public static string Name(string status) => status == Suspended ? "已暂停" : "使用中";
}

/// <summary>A new district and its first administrator, as the onboarding form posts them.</summary>
public sealed class OnboardDistrictForm
{
    public string? Identifier { get; set; }

    public string? Name { get; set; }

    public string? City { get; set; }

    public string? AdminCode { get; set; }

    public string? AdminLogin { get; set; }

    public string? AdminPassword { get; set; }

    public string? AdminName { get; set; }

    /// <summary>The districts service checks every field (and Identity the administrator's login and password).</summary>
    public object ToRequest() => new
    {
        identifier = FormText.Trimmed(Identifier)?.ToLowerInvariant(), name = FormText.Trimmed(Name), city = FormText.Trimmed(City), adminCode = FormText.Trimmed(AdminCode),
        adminLogin = FormText.Trimmed(AdminLogin), adminPassword = AdminPassword, adminName = FormText.Trimmed(AdminName),
    };
}

/// <summary>Suspending or reactivating one district from the list.</summary>
public sealed class DistrictStatusForm
{
    public string? Identifier { get; set; }

    public string? Status { get; set; }
}
