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
        var client = clients.Client;
        if (client is null)
            return new PlannerDecision(null, TokenUsage.None, ErrorCode: "llm_not_configured", Error: "no LLM is configured for goal-driven steps");

        var messages = new List<ChatMessage> { new(ChatRole.System, systemPrompt), new(ChatRole.User, userPrompt) };
        var options = new ChatOptions
        {
            ResponseFormat = ChatResponseFormat.ForJsonSchema(ActionSchema.Schema, "next_action", "The single next browser action."),
            Temperature = 0,
        };
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
                return new PlannerDecision(null, tokens, raw, "llm_unavailable", $"the LLM call failed: {ex.Message.Split('\n')[0]}");
            }
            long input = response.Usage?.InputTokenCount ?? 0, output = response.Usage?.OutputTokenCount ?? 0;
            var prices = llmOptions.Value;
            tokens = tokens.Add(new TokenUsage(input, output,
                (input * prices.InputCostPerMillion + output * prices.OutputCostPerMillion) / 1_000_000));
            raw = response.Text;
            var (action, parseError) = LlmAnswerParser.Parse(raw, observation);
            parseError ??= action is null ? null : check?.Invoke(action);
            if (parseError is null && action is not null) return new PlannerDecision(action, tokens, raw);
            error = parseError;
            messages.Add(new ChatMessage(ChatRole.Assistant, raw ?? ""));
            messages.Add(new ChatMessage(ChatRole.User,
                $"Your answer was invalid: {parseError}. Answer again with only one JSON object that matches the schema."));
        }
        return new PlannerDecision(null, tokens, raw, "planner_invalid_output", $"the LLM answered twice with an invalid action: {error}");
    }
}
