namespace RpaOrleans.Secrets;

/// <summary>Section <c>Secrets</c>.</summary>
public sealed class SecretOptions
{
    public const string Section = "Secrets";

    /// <summary>
    /// Base64 of a 32-byte key for AES-GCM. When empty, a key is generated once into
    /// <c>{DataDirectory}/secrets.key</c> (readable by the owner only).
    /// </summary>
    public string? MasterKey { get; set; }
}
