using System.Diagnostics;
using RpaOrleans.Tests.Infrastructure;
using Xunit.Abstractions;
using static RpaOrleans.Tests.Cluster.ClusterSessions;

namespace RpaOrleans.Tests.Cluster;

/// <summary>Redis (membership) and PostgreSQL (grain state, reminders) restart while sessions are created and run.</summary>
[Collection(ClusterGroup.Name)]
public sealed class DependencyRestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RestartingRedisThenPostgresUnderLoad_LosesNoAcceptedSession()
    {
        Assert.False(string.IsNullOrEmpty(ClusterServices.RedisRestart), "RPA_TEST_REDIS_RESTART is not set: run the tests with ./rpa test");
        Assert.False(string.IsNullOrEmpty(ClusterServices.PostgresRestart), "RPA_TEST_POSTGRES_RESTART is not set: run the tests with ./rpa test");
        await using var cluster = await ProcessCluster.StartAsync(4);
        using var api = cluster.Client();
        try
        {
            var accepted = new List<string>();
            var refused = 0;
            using var stop = new CancellationTokenSource();
            var load = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        accepted.Add((await api.CreateAsync(TestPlans.Slow(cluster.WebHost.Url, 3)))["id"]!.GetValue<string>());
                    }
                    catch (HttpRequestException)
                    {
                        // Refused while a dependency was down: the client knows it was not accepted.
                        refused++;
                    }
                    await Task.Delay(600);
                }
            });

            await Eventually.WaitForAsync(() => Task.FromResult(accepted.Count), n => n >= 3, TimeSpan.FromSeconds(30), "sessions before the restarts");
            await RunAsync(ClusterServices.RedisRestart!);
            await Eventually.WaitForAsync(() => Task.FromResult(accepted.Count), n => n >= 6, TimeSpan.FromSeconds(60), "sessions after the Redis restart");
            await RunAsync(ClusterServices.PostgresRestart!);
            var afterPostgres = accepted.Count;
            await Eventually.WaitForAsync(() => Task.FromResult(accepted.Count), n => n >= afterPostgres + 3, TimeSpan.FromSeconds(60), "sessions after the PostgreSQL restart");
            await stop.CancelAsync();
            await load;
            output.WriteLine($"{accepted.Count} sessions accepted, {refused} refused during the restarts");

            var done = await Eventually.WaitForAsync(() => ReadAsync(api, accepted), s => s.Values.All(ApiClient.IsTerminal),
                TimeSpan.FromSeconds(180), "every accepted session to finish");
            Assert.All(done.Values, s => Assert.True(Status(s) == "succeeded", s.ToJsonString()));
            Assert.All(cluster.Silos, s => Assert.False(s.HasExited, $"{s.Name} exited"));
        }
        catch
        {
            output.WriteLine(cluster.Logs());
            throw;
        }
    }

    private static async Task RunAsync(string command)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", command]) { UseShellExecute = false })!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"'{command}' exited with {process.ExitCode}");
    }
}
