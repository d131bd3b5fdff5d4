using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace RpaOrleans.Planning;

/// <summary>Caps concurrent LLM calls per tenant (in this process), so one tenant cannot starve the others.</summary>
public sealed class TenantLlmGate(IOptions<LlmOptions> options)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new();

    public async Task<IDisposable> EnterAsync(string tenantId, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(tenantId, _ => new SemaphoreSlim(options.Value.MaxConcurrentPerTenant));
        await gate.WaitAsync(cancellationToken);
        return new Slot(gate);
    }

    private sealed class Slot(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
