using System.Net;
using System.Net.Sockets;

namespace RpaOrleans.Tests.Infrastructure;

/// <summary>
/// Ports for the servers and silos the tests start. They come from below the kernel's ephemeral range
/// (32768–60999 on Linux): a port the kernel handed out for bind(0) and that the test released again can be
/// taken by any outgoing connection (Chromium, Npgsql, Redis) before the server binds it; a port from this band
/// cannot. Each test process walks the band from a random start, so parallel test processes rarely meet, and a
/// port is only handed out after a bind on it succeeded.
/// </summary>
public static class FreePort
{
    private const int First = 21000, Last = 26999;
    private static int _next = Random.Shared.Next(First, Last + 1);

    public static int Next()
    {
        for (var attempt = 0; attempt <= Last - First; attempt++)
        {
            var port = First + ((Interlocked.Increment(ref _next) - First) % (Last - First + 1) + (Last - First + 1)) % (Last - First + 1);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try the next one.
            }
        }
        throw new InvalidOperationException($"No free port between {First} and {Last}.");
    }
}
