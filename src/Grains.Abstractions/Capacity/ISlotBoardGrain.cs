namespace RpaOrleans.Capacity;

/// <summary>
/// The live count of browser slots per silo. Every silo reports about twice a second and on each
/// change, and gets the whole board back; nothing here is durable, a fresh activation refills
/// within one report period.
/// </summary>
[Alias("rpa.ISlotBoardGrain")]
public interface ISlotBoardGrain : IGrainWithIntegerKey
{
    [AlwaysInterleave, Alias("Report")]
    Task<IReadOnlyList<SiloSlots>> ReportAsync(SiloSlots slots);

    [AlwaysInterleave, Alias("Get")]
    Task<IReadOnlyList<SiloSlots>> GetAsync();
}
