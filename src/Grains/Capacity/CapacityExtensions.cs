using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Runtime.Placement;

namespace RpaOrleans.Capacity;

public static class CapacityExtensions
{
    /// <summary>
    /// Capacity-aware placement of sessions, the slot board, the admission queue, waking the
    /// sessions of a dead silo (noticed fast by the crash watch), draining on shutdown and retries of session calls.
    /// </summary>
    public static ISiloBuilder AddRpaCapacity(this ISiloBuilder silo)
    {
        var services = silo.Services;
        services.AddSingleton<SlotBoardCache>();
        services.AddPlacementDirector<SessionPlacement, SessionPlacementDirector>();
        services.AddSingleton<SiloCapacityService>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<SiloCapacityService>());
        services.AddSingleton<CrashWatch>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<CrashWatch>());
        services.AddSingleton<OrphanWaker>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<OrphanWaker>());
        silo.AddOutgoingGrainCallFilter<SessionCallRetryFilter>();
        return silo;
    }
}
