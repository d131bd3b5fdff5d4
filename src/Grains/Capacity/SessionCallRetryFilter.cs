namespace RpaOrleans.Capacity;

/// <summary>
/// Retries a session or admission call that failed because its silo just died or refused it: the
/// grain is re-activated on a survivor by the next attempt. Session calls are idempotent or
/// guarded by the checkpoint, so a retry never redoes a recorded step. Timeouts are not retried:
/// the response timeout already bounds how long a caller waits.
/// </summary>
public sealed class SessionCallRetryFilter : IOutgoingGrainCallFilter
{
    /// <summary>Spread over ~3 s: long enough for membership to declare a killed silo dead.</summary>
    private const int Attempts = 5;

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        var contract = context.InterfaceMethod?.DeclaringType;
        if (contract != typeof(ISessionGrain) && contract != typeof(IAdmissionGrain))
        {
            await context.Invoke();
            return;
        }
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await context.Invoke();
                return;
            }
            catch (Exception ex) when (attempt < Attempts && IsTransient(ex))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 << attempt));
            }
        }
    }

    private static bool IsTransient(Exception ex) =>
        ex is SiloUnavailableException or OrleansMessageRejectionException or ClientNotAvailableException;
}
