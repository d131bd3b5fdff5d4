using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.TestingHost;
using RpaOrleans.Hosting;

namespace RpaOrleans.Tests.Grains;

/// <summary>
/// Two in-process silos with no browser capacity: enough to exercise the session state machine,
/// admission waiting and events without Chromium.
/// </summary>
public sealed class GrainClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var data = Path.Combine(Path.GetTempPath(), "rpa-tests", "grains-" + Guid.NewGuid().ToString("N"));
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSiloHost((options, host) =>
        {
            host.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Rpa:DataDirectory"] = data,
                ["Browser:Capacity"] = "0",
            });
            host.AddRpaAgentServices();
        });
        builder.ConfigureSilo((options, silo) => silo.AddRpaGrainProviders());
        builder.ConfigureClient(client => client.AddMemoryStreams(SessionStreams.Provider));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class GrainClusterGroup : ICollectionFixture<GrainClusterFixture>
{
    public const string Name = "grain-cluster";
}
