namespace RpaOrleans.Tests.Infrastructure;

/// <summary>One running platform (with a scripted LLM) shared by the tests of a collection.</summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public TestHost Host { get; private set; } = null!;

    public ScriptedLlmServer Llm { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Llm = await ScriptedLlmServer.StartAsync();
        Host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Llm:Endpoint"] = Llm.Endpoint,
            ["Llm:ApiKey"] = "scripted",
            ["Llm:Model"] = "scripted-model",
        });
    }

    public IReadOnlyList<ScriptedCall> LlmCalls(string marker) => Llm.CallsFor(marker);

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Llm.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformGroup : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
