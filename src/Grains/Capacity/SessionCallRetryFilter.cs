namespace RpaOrleans.Capacity;

/// <summary>
/// Retries a session or admission call that failed because its silo just died or refused it: the
/// grain is re-activated on a survivor by the next attempt. Session calls are idempotent or
/// guarded by the checkpoint, so a retry never redoes a recorded step. Timeouts are not retried:
/// the response timeout already bounds how long a caller waits. Also retried: putting an event on
/// the events stream's memory queue, whose grain may have been on the dead silo — without it the
/// events a session publishes in the second before the death is declared are lost to the live feed
/// (the store still has them). The retries stay within ~3 s because the session waits for its publish:
/// an event still refused after that is dropped, and the dashboard fills the gap from REST. A duplicate
/// is possible only if the silo died after taking the event; the dashboard merges steps by index and
/// session views by time, so a duplicate changes nothing there.
/// </summary>
public sealed class SessionCallRetryFilter : IOutgoingGrainCallFilter
{
    /// <summary>Spread over ~3 s: long enough for membership to declare a killed silo dead.</summary>
    private const int Attempts = 5;

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        var contract = context.InterfaceMethod?.DeclaringType;
        if (contract != typeof(ISessionGrain) && contract != typeof(IAdmissionGrain) && !IsStreamEnqueue(context))
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

    private static bool IsStreamEnqueue(IOutgoingGrainCallContext context) =>
        context.InterfaceMethod?.DeclaringType == typeof(Orleans.Providers.IMemoryStreamQueueGrain)
        && context.InterfaceMethod.Name == nameof(Orleans.Providers.IMemoryStreamQueueGrain.Enqueue);

    private static bool IsTransient(Exception ex) =>
        ex is SiloUnavailableException or OrleansMessageRejectionException or ClientNotAvailableException;
}
