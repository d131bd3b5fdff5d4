using System.Diagnostics;

namespace RpaOrleans.Bench;

/// <summary>
/// An open-loop HTTP load generator: requests are sent on a fixed schedule whatever the server
/// does, and latency is measured from each request's scheduled time, so a stalled server shows up
/// as latency instead of quietly lowering the rate (no coordinated omission).
/// </summary>
public sealed class LoadGenerator(string baseUrl) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 512,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
    })
    {
        BaseAddress = new Uri(baseUrl),
        Timeout = TimeSpan.FromSeconds(10),
    };

    public sealed record Run(int Rate, int Sent, int Errors, double AchievedRate, Stats LatencyMs, Dictionary<string, int> ErrorKinds);

    public async Task<Run> RunAsync(Func<HttpRequestMessage> request, int rate, TimeSpan duration)
    {
        var count = (int)(rate * duration.TotalSeconds);
        var latencies = new double[count];
        var ok = new bool[count];
        var errors = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var tasks = new List<Task>(count);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var due = i * 1000.0 / rate;
            var wait = due - clock.Elapsed.TotalMilliseconds;
            if (wait > 1) await Task.Delay(TimeSpan.FromMilliseconds(wait));
            var index = i;
            tasks.Add(SendAsync(request(), due, clock, latencies, ok, errors, index));
        }
        var sendSpan = clock.Elapsed.TotalSeconds;
        await Task.WhenAll(tasks);
        var good = Enumerable.Range(0, count).Where(i => ok[i]).Select(i => latencies[i]);
        return new Run(rate, count, count - ok.Count(o => o), count / sendSpan, Stats.Of(good), errors.ToDictionary());
    }

    private async Task SendAsync(HttpRequestMessage message, double dueMs, Stopwatch clock, double[] latencies, bool[] ok,
        System.Collections.Concurrent.ConcurrentDictionary<string, int> errors, int index)
    {
        try
        {
            using (message)
            using (var response = await _http.SendAsync(message))
            {
                await response.Content.ReadAsByteArrayAsync();
                latencies[index] = clock.Elapsed.TotalMilliseconds - dueMs;
                ok[index] = response.IsSuccessStatusCode;
                if (!ok[index]) errors.AddOrUpdate(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            errors.AddOrUpdate(ex.GetType().Name, 1, (_, n) => n + 1);
        }
    }

    public void Dispose() => _http.Dispose();
}
