using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace RpaOrleans.WebHost.Auth;

/// <summary>The configured keys, looked up in constant time per key.</summary>
public sealed class ApiKeyRegistry
{
    private readonly List<(byte[] Hash, ApiKeyEntry Entry)> _keys = [];

    public ApiKeyRegistry(IOptions<ApiKeyOptions> options)
    {
        foreach (var entry in options.Value.ApiKeys.Where(k => !string.IsNullOrWhiteSpace(k.Key)))
            _keys.Add((Hash(entry.Key), entry));
        var fromEnvironment = Environment.GetEnvironmentVariable("RPA_API_KEY");
        if (!string.IsNullOrWhiteSpace(fromEnvironment) && Find(fromEnvironment) is null)
            _keys.Add((Hash(fromEnvironment), new ApiKeyEntry { Key = fromEnvironment, Name = "env", Tenant = "default", Role = Roles.Admin }));
        if (_keys.Count == 0)
        {
            // Never run open: with no key configured, make one and say it once.
            Generated = "rpa_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            _keys.Add((Hash(Generated), new ApiKeyEntry { Key = Generated, Name = "generated", Tenant = "default", Role = Roles.Admin }));
        }
    }

    /// <summary>The key made at start-up when none was configured.</summary>
    public string? Generated { get; }

    public ApiKeyEntry? Find(string presented)
    {
        var hash = Hash(presented);
        ApiKeyEntry? match = null;
        foreach (var (known, entry) in _keys)
            if (CryptographicOperations.FixedTimeEquals(known, hash)) match = entry;
        return match;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
