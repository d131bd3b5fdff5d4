using System.ComponentModel.DataAnnotations;

namespace RpaOrleans.Capacity;

/// <summary>Per-tenant limits on sessions admitted at once (section <c>Admission</c>); 0 means no limit.</summary>
public sealed class AdmissionOptions
{
    public const string Section = "Admission";

    [Range(0, 100_000)]
    public int DefaultTenantQuota { get; set; }

    /// <summary>Overrides by tenant id.</summary>
    public Dictionary<string, int> TenantQuotas { get; set; } = [];

    public int QuotaOf(string tenantId) => TenantQuotas.TryGetValue(tenantId, out var quota) ? quota : DefaultTenantQuota;
}
