namespace RpaOrleans.Sessions;

/// <summary>Names of the grain storage providers the grains use.</summary>
public static class StorageNames
{
    public const string Sessions = "sessions";
    public const string PubSub = "PubSubStore";
}
