namespace RpaOrleans.Secrets;

/// <summary>Encrypted per-tenant secrets, reachable by pages only through <c>{{secret:name}}</c> placeholders.</summary>
public interface ISecretVault
{
    Task SetAsync(string tenantId, string name, string value, IReadOnlyList<string> allowedDomains, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<SecretInfo>> ListAsync(string tenantId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<SecretValue>> GetAllAsync(string tenantId, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(string tenantId, string name, CancellationToken cancellationToken = default);
}
