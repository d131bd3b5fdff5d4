namespace RpaOrleans.Secrets;

/// <summary>The associated data a secret's ciphertext is bound to: moved to another tenant or name, it no longer decrypts.</summary>
internal static class SecretContext
{
    public static string For(string tenantId, string name) => $"secret:{tenantId}:{name}";
}
