using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using RpaOrleans.Hosting;

namespace RpaOrleans.Capacity;

/// <summary>
/// Notices within a fraction of a second that another silo's process has died, where Orleans' probes
/// take a couple of seconds. Every silo listens on a port of its own (told to the others on the slot
/// board) and holds one idle TCP connection to each other silo's. When a process dies, whether it
/// crashed, ran out of memory or was killed, its operating system closes that connection at once.
/// The watcher then tries to reconnect: when nothing listens there any more (connection refused, three
/// times in a row) the process is gone for certain, and the watcher declares the silo dead in the
/// membership table. The survivors then recover its sessions.
/// Anything less certain is left to Orleans' probes: a connection that times out (a partition, a host
/// that vanished), a silo that said it is leaving (graceful shutdown sends a byte first), or a silo that
/// membership no longer lists as active.
/// </summary>
public sealed partial class CrashWatch(
    IClusterMembershipService membership,
    ILocalSiloDetails local,
    SlotBoardCache board,
    IOptions<RpaOptions> rpa,
    IOptions<RpaClusterOptions> cluster,
    ILogger<CrashWatch> logger) : ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable
{
    private const byte Leaving = (byte)'L';
    private const int MaxWatchers = 512;
    private static readonly TimeSpan ScanPeriod = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ConfirmTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ConfirmDeadline = TimeSpan.FromSeconds(5);
    private const int RefusalsForProof = 3;
    private static readonly TimeSpan RefusalGap = TimeSpan.FromMilliseconds(50);

    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<SiloAddress, Task> _watching = new();
    private readonly ConcurrentDictionary<Socket, byte> _watchers = new();
    private readonly ConcurrentDictionary<SiloAddress, byte> _left = new();
    private TcpListener? _listener;
    private Task? _accepting;
    private Task? _scanning;
    private volatile bool _leaving;
    private int _disposed;

    /// <summary>The port other silos watch this one on; 0 when the watch is off (embedded mode, or turned off).</summary>
    public int Port { get; private set; }

    private bool Enabled => rpa.Value.Mode == RpaMode.Cluster && cluster.Value.FastCrashDetection;

    public void Participate(ISiloLifecycle lifecycle)
    {
        if (!Enabled) return;
        // Listening before the silo reports its slots (Active), so the first report carries the port.
        lifecycle.Subscribe(nameof(CrashWatch), ServiceLifecycleStage.RuntimeInitialize, _ =>
        {
            Listen();
            return Task.CompletedTask;
        }, _ => Task.CompletedTask);
        lifecycle.Subscribe(nameof(CrashWatch), ServiceLifecycleStage.Active, _ =>
        {
            _scanning = Task.Run(ScanLoopAsync, CancellationToken.None);
            return Task.CompletedTask;
        }, StopAsync);
    }

    private void Listen()
    {
        _listener = new TcpListener(IPAddress.Any, cluster.Value.CrashWatchPort);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = Task.Run(AcceptLoopAsync, CancellationToken.None);
        LogListening(Port);
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener!.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            if (_watchers.Count >= MaxWatchers || _leaving)
            {
                if (_leaving) await TrySendAsync(socket, Leaving);
                socket.Dispose();
                continue;
            }
            _watchers[socket] = 0;
            _ = HoldAsync(socket);
        }
    }

    /// <summary>Keeps a watcher's connection open until it goes away; what it sends is ignored.</summary>
    private async Task HoldAsync(Socket socket)
    {
        var buffer = new byte[64];
        try
        {
            while (await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token) > 0)
            {
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
        finally
        {
            _watchers.TryRemove(socket, out _);
            socket.Dispose();
        }
    }

    private async Task ScanLoopAsync()
    {
        while (!_stop.IsCancellationRequested && !_leaving)
        {
            var snapshot = membership.CurrentSnapshot;
            foreach (var slots in board.Board)
            {
                if (slots.WatchPort <= 0 || slots.Silo.Equals(local.SiloAddress) || _left.ContainsKey(slots.Silo)) continue;
                // A watch that ended before it was recorded here is recorded as done, not as running.
                if (_watching.TryGetValue(slots.Silo, out var running) && !running.IsCompleted) continue;
                if (snapshot.GetSiloStatus(slots.Silo) != SiloStatus.Active) continue;
                var endpoint = new IPEndPoint(slots.Silo.Endpoint.Address, slots.WatchPort);
                _watching[slots.Silo] = Task.Run(async () =>
                {
                    try
                    {
                        await WatchAsync(slots.Silo, endpoint);
                    }
                    finally
                    {
                        _watching.TryRemove(slots.Silo, out _);
                    }
                }, CancellationToken.None);
            }
            try
            {
                await Task.Delay(ScanPeriod, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task WatchAsync(SiloAddress silo, IPEndPoint endpoint)
    {
        var socket = (await ConnectAsync(endpoint, ConnectTimeout)).Socket;
        if (socket is null) return; // not reachable now: the next scan tries again; only a lost connection is evidence
        LogWatching(silo, endpoint);
        var deadline = DateTime.MinValue;
        while (socket is not null)
        {
            var opened = DateTime.UtcNow;
            bool closed;
            using (socket) closed = await WaitForCloseAsync(silo, socket);
            if (!closed || _stop.IsCancellationRequested || _leaving) return;
            // A connection that lived long starts a fresh confirmation; one accepted moments ago by a process that is
            // still closing its sockets (its listener outlives the connection it just dropped) continues the last one.
            if (opened > deadline) deadline = DateTime.UtcNow + ConfirmDeadline;
            socket = await ConfirmAndDeclareAsync(silo, endpoint, deadline);
        }
    }

    /// <summary>True when the connection closed or was reset; false when the silo said it is leaving or this one stops.</summary>
    private async Task<bool> WaitForCloseAsync(SiloAddress silo, Socket socket)
    {
        var buffer = new byte[16];
        try
        {
            while (true)
            {
                var read = await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                if (read == 0) return true;
                if (buffer.AsSpan(0, read).Contains(Leaving))
                {
                    // A graceful stop: membership hears of it from the silo itself. A silo address is never reused.
                    if (_left.TryAdd(silo, 0)) LogLeaving(silo);
                    return false;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (SocketException)
        {
            return true; // reset: the same evidence as a close
        }
    }

    /// <summary>
    /// Reconnects until the port refuses three times (then declares the silo dead and returns null) or a reconnect is
    /// accepted (returned, to be watched like the first: a live silo keeps it open, a dying one drops it at once).
    /// Null as well when nothing is proven by the deadline or the host is unreachable: Orleans' probes judge.
    /// </summary>
    private async Task<Socket?> ConfirmAndDeclareAsync(SiloAddress silo, IPEndPoint endpoint, DateTime deadline)
    {
        // A refusal comes back at once; a reconnect that times out or is reset means this process is starved (a GC
        // pause, a busy machine) or reached the dying listener as it closed, so try again until the deadline.
        for (var refusals = 0; refusals < RefusalsForProof;)
        {
            if (DateTime.UtcNow > deadline)
            {
                LogNotProven(silo, "reconnects neither kept a connection nor were refused in time");
                return null;
            }
            var (socket, error) = await ConnectAsync(endpoint, ConfirmTimeout);
            if (_stop.IsCancellationRequested)
            {
                socket?.Dispose();
                return null;
            }
            if (socket is not null) return socket;
            if (error == SocketError.ConnectionRefused) refusals++;
            else if (error is not (SocketError.TimedOut or SocketError.ConnectionReset or SocketError.ConnectionAborted))
            {
                LogUnreachable(silo, error);
                return null; // unreachable: for Orleans' probes to judge
            }
            if (refusals == RefusalsForProof) break;
            try { await Task.Delay(RefusalGap, _stop.Token); } catch (OperationCanceledException) { return null; }
        }
        if (_leaving) return null;
        if (membership.CurrentSnapshot.GetSiloStatus(silo) is var status and not SiloStatus.Active)
        {
            LogAlreadyKnown(silo, status);
            return null;
        }
        LogDeclaring(silo, endpoint.ToString());
        try
        {
            await membership.TryKill(silo);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogDeclareFailed(silo, ex.Message);
        }
        return null;
    }

    /// <summary>A connected socket, or why there is none (<see cref="SocketError.TimedOut"/> after <paramref name="timeout"/>).</summary>
    private async Task<(Socket? Socket, SocketError Error)> ConnectAsync(IPEndPoint endpoint, TimeSpan timeout)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            cts.CancelAfter(timeout);
            await socket.ConnectAsync(endpoint, cts.Token);
            return (socket, SocketError.Success);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            socket.Dispose();
            return (null, ex is SocketException se ? se.SocketErrorCode : SocketError.TimedOut);
        }
    }

    private static async Task TrySendAsync(Socket socket, byte value)
    {
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await socket.SendAsync(new[] { value }, SocketFlags.None, cts.Token);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    /// <summary>
    /// This silo is stopping: tell every watcher it is leaving (so its connections closing later are not
    /// taken for a crash) and stop judging others. The listener stays open until the process ends.
    /// </summary>
    private async Task StopAsync(CancellationToken cancellationToken)
    {
        _leaving = true;
        await Task.WhenAll(_watchers.Keys.Select(s => TrySendAsync(s, Leaving)));
    }

    public async ValueTask DisposeAsync()
    {
        // Registered twice (as itself and as a lifecycle participant), so the container disposes it twice.
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _leaving = true;
        await _stop.CancelAsync();
        _listener?.Stop();
        foreach (var socket in _watchers.Keys) socket.Dispose();
        if (_accepting is not null) await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (_scanning is not null) await _scanning.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await Task.WhenAll(_watching.Values).WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Crash watch listening on port {Port}")]
    private partial void LogListening(int port);

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching silo {Silo} at {Endpoint}")]
    private partial void LogWatching(SiloAddress silo, IPEndPoint endpoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {Silo}'s watch connection closed, but that proves nothing ({Reason}): left to the probes")]
    private partial void LogNotProven(SiloAddress silo, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {Silo}'s watch connection closed and reconnecting fails with {Error}: left to the probes")]
    private partial void LogUnreachable(SiloAddress silo, SocketError error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {Silo} said it is leaving; its connection closing is not a crash")]
    private partial void LogLeaving(SiloAddress silo);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Silo}'s process is gone (its watch connection closed and {Endpoint} refuses connections): declaring it dead")]
    private partial void LogDeclaring(SiloAddress silo, string endpoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {Silo}'s process is gone; membership already lists it as {Status}")]
    private partial void LogAlreadyKnown(SiloAddress silo, SiloStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Declaring silo {Silo} dead failed: {Reason}")]
    private partial void LogDeclareFailed(SiloAddress silo, string reason);
}
