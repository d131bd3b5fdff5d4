using Microsoft.Extensions.AI;
using RpaOrleans.Observation;

namespace RpaOrleans.Planning;

/// <summary>
/// One structured LLM exchange that must yield an action: the answer is held to
/// <see cref="ActionSchema"/>; a malformed answer gets one repair attempt with the error.
/// </summary>
public sealed class LlmActionClient(ChatClientFactory clients, TenantLlmGate gate, Microsoft.Extensions.Options.IOptions<LlmOptions> llmOptions)
{
    public bool IsConfigured => clients.IsConfigured;

    public async Task<PlannerDecision> AskAsync(
        string tenantId, string systemPrompt, string userPrompt, PageObservation observation, Func<StepAction, string?>? check,
        CancellationToken cancellationToken)
    {
        var (action, tokens, raw, code, error) = await AskStructuredAsync(tenantId, systemPrompt, userPrompt, ActionSchema.Schema, "next_action",
            text =>
            {
                var (parsed, parseError) = LlmAnswerParser.Parse(text, observation);
                parseError ??= parsed is null ? null : check?.Invoke(parsed);
                return (parseError is null ? parsed : null, parseError);
            }, cancellationToken);
        return new PlannerDecision(action, tokens, raw, code, error);
    }

    /// <summary>
    /// Asks for one JSON answer matching <paramref name="schema"/>; <paramref name="parse"/> turns the text into a value or
    /// says what is wrong, and that error is sent back once for a repaired answer.
    /// </summary>
    public async Task<(T? Value, TokenUsage Tokens, string? Raw, string? ErrorCode, string? Error)> AskStructuredAsync<T>(
        string tenantId, string systemPrompt, string userPrompt, System.Text.Json.JsonElement schema, string schemaName,
        Func<string?, (T? Value, string? Error)> parse, CancellationToken cancellationToken) where T : class
    {
        var client = clients.Client;
        if (client is null) return (null, TokenUsage.None, null, "llm_not_configured", "no LLM is configured for goal-driven steps");

        var messages = new List<ChatMessage> { new(ChatRole.System, systemPrompt), new(ChatRole.User, userPrompt) };
        var options = new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, schemaName), Temperature = 0 };
        var tokens = TokenUsage.None;
        string? raw = null;
        string? error = null;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            ChatResponse response;
            try
            {
                using (await gate.EnterAsync(tenantId, cancellationToken))
                    response = await client.GetResponseAsync(messages, options, cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or System.ClientModel.ClientResultException or TimeoutException
                                           or Polly.CircuitBreaker.BrokenCircuitException
                                       || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                return (null, tokens, raw, "llm_unavailable", $"the LLM call failed: {ex.Message.Split('\n')[0]}");
            }
            long input = response.Usage?.InputTokenCount ?? 0, output = response.Usage?.OutputTokenCount ?? 0;
            var prices = llmOptions.Value;
            tokens = tokens.Add(new TokenUsage(input, output,
                (input * prices.InputCostPerMillion + output * prices.OutputCostPerMillion) / 1_000_000));
            raw = response.Text;
            var (value, parseError) = parse(raw);
            if (parseError is null && value is not null) return (value, tokens, raw, null, null);
            error = parseError ?? "the answer was empty";
            messages.Add(new ChatMessage(ChatRole.Assistant, raw ?? ""));
            messages.Add(new ChatMessage(ChatRole.User,
                $"Your answer was invalid: {error}. Answer again with only one JSON object that matches the schema."));
        }
        return (null, tokens, raw, "planner_invalid_output", $"the LLM answered twice with an invalid answer: {error}");
    }
}
