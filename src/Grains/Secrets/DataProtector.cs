using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using RpaOrleans.Hosting;

namespace RpaOrleans.Secrets;

/// <summary>AES-GCM with the process's master key, for secrets and for checkpointed browser state.</summary>
public sealed class DataProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;

    public DataProtector(IOptions<SecretOptions> secrets, IOptions<RpaOptions> rpa)
    {
        _key = LoadKey(secrets.Value.MasterKey, rpa.Value.DataDirectory);
    }

    /// <summary>nonce ‖ tag ‖ ciphertext; <paramref name="context"/> binds the value to where it is stored.</summary>
    public byte[] Protect(string plaintext, string context)
    {
        var data = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + TagSize + data.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, data, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), Encoding.UTF8.GetBytes(context));
        return output;
    }

    public string Unprotect(byte[] protectedData, string context)
    {
        if (protectedData.Length < NonceSize + TagSize) throw new CryptographicException("The protected value is truncated.");
        var plaintext = new byte[protectedData.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(protectedData.AsSpan(0, NonceSize), protectedData.AsSpan(NonceSize + TagSize),
            protectedData.AsSpan(NonceSize, TagSize), plaintext, Encoding.UTF8.GetBytes(context));
        return Encoding.UTF8.GetString(plaintext);
    }

    private static byte[] LoadKey(string? configured, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var key = Convert.FromBase64String(configured);
            return key.Length == 32 ? key : throw new InvalidOperationException("Secrets:MasterKey must be 32 bytes, base64-encoded.");
        }
        var path = Path.Combine(Path.GetFullPath(dataDirectory), "secrets.key");
        if (File.Exists(path)) return Convert.FromBase64String(File.ReadAllText(path).Trim());
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var fresh = RandomNumberGenerator.GetBytes(32);
        try
        {
            using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
            {
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                using var writer = new StreamWriter(file);
                writer.Write(Convert.ToBase64String(fresh));
            }
            return fresh;
        }
        catch (IOException) when (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim()); // another silo in this process won the race
        }
    }
}
