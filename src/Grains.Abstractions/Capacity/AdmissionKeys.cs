namespace RpaOrleans.Capacity;

public static class AdmissionKeys
{
    /// <summary>The one admission queue of a cluster.</summary>
    public const string Cluster = "cluster";

    /// <summary>The one slot board of a cluster.</summary>
    public const long Board = 0;
}
