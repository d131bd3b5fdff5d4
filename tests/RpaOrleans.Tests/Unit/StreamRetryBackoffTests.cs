using RpaOrleans.Hosting;

namespace RpaOrleans.Tests.Unit;

public sealed class StreamRetryBackoffTests
{
    [Fact]
    public void Waits_StartShort_Double_AndStopAtTheLongest()
    {
        var backoff = new StreamRetryBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2));
        Assert.Equal(
            new[] { 100, 200, 400, 800, 1600, 2000, 2000 },
            Enumerable.Range(0, 7).Select(attempt => (int)backoff.Next(attempt).TotalMilliseconds));
        Assert.Equal(TimeSpan.FromMilliseconds(100), backoff.Next(-1));
        Assert.Equal(TimeSpan.FromSeconds(2), backoff.Next(int.MaxValue));
    }

    [Fact]
    public void NonsenseLimits_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new StreamRetryBackoff(TimeSpan.Zero, TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StreamRetryBackoff(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1)));
    }
}
