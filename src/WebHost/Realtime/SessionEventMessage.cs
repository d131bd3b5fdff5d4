using RpaOrleans.WebHost.Api;

namespace RpaOrleans.WebHost.Realtime;

/// <summary>What hub clients receive for every session event.</summary>
public sealed record SessionEventMessage(
    string Kind,
    string SessionId,
    long Sequence,
    DateTimeOffset At,
    SessionResource Session,
    StepResource? Step)
{
    public static SessionEventMessage From(SessionEvent e) => new(
        e.Kind, e.SessionId, e.Sequence, e.At, SessionResource.From(e.Snapshot), e.Step is null ? null : StepResource.From(e.Step));
}
