using System.ClientModel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI;

namespace RpaOrleans.Planning;

/// <summary>The process's chat client, or none when no LLM is configured.</summary>
public sealed class ChatClientFactory(IOptions<LlmOptions> options)
{
    private readonly Lazy<IChatClient?> _client = new(() => Create(options.Value));

    public bool IsConfigured => options.Value.IsConfigured;

    public IChatClient? Client => _client.Value;

    private static ResilientChatClient? Create(LlmOptions llm)
    {
        if (!llm.IsConfigured) return null;
        // Retries are ours (ResilientChatClient), so the client library's own are off.
        var clientOptions = new OpenAIClientOptions
        {
            NetworkTimeout = TimeSpan.FromSeconds(llm.TimeoutSeconds),
            RetryPolicy = new System.ClientModel.Primitives.ClientRetryPolicy(maxRetries: 0),
        };
        if (!string.IsNullOrWhiteSpace(llm.Endpoint)) clientOptions.Endpoint = new Uri(llm.Endpoint);
        // Local servers (Ollama, vLLM) accept any key; the client library insists on one.
        var key = string.IsNullOrWhiteSpace(llm.ApiKey) ? "unused" : llm.ApiKey;
        var client = new OpenAIClient(new ApiKeyCredential(key), clientOptions).GetChatClient(llm.Model).AsIChatClient();
        return new ResilientChatClient(client, llm);
    }
}
