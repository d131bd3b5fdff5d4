namespace RpaOrleans.Tests.Cluster;

/// <summary>Process-cluster tests run one at a time: each starts several processes with browsers on a 2-core machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterGroup
{
    public const string Name = "process-cluster";
}
