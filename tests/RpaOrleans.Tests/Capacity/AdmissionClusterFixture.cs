using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using RpaOrleans.Hosting;

namespace RpaOrleans.Tests.Capacity;

/// <summary>
/// Two in-process silos without browsers, for the admission queue: tests report made-up silos to
/// the slot board to give the cluster the capacity they need.
/// </summary>
public sealed class AdmissionClusterFixture : IAsyncLifetime
{
    public const string LimitedTenant = "limited";

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var data = Path.Combine(Path.GetTempPath(), "rpa-tests", "admission-" + Guid.NewGuid().ToString("N"));
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSiloHost((options, host) =>
        {
            host.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Rpa:DataDirectory"] = data,
                ["Browser:Capacity"] = "0",
                [$"Admission:TenantQuotas:{LimitedTenant}"] = "1",
            });
            host.AddRpaAgentServices();
        });
        builder.ConfigureSilo((options, silo) => silo.AddRpaGrainProviders());
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class AdmissionClusterGroup : ICollectionFixture<AdmissionClusterFixture>
{
    public const string Name = "admission-cluster";
}
