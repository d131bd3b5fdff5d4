namespace RpaOrleans.Planning;

/// <summary>Replays the spec's plan one step at a time; needs no LLM.</summary>
public sealed class PlanPlanner : IPlanner
{
    public Task<PlannerDecision> NextAsync(PlannerContext context, CancellationToken cancellationToken)
    {
        var plan = context.Spec.Plan ?? [];
        return Task.FromResult(context.PlanCursor < plan.Count
            ? PlannerDecision.Of(plan[context.PlanCursor])
            : new PlannerDecision(null, TokenUsage.None, ErrorCode: "plan_exhausted", Error: "the plan has no more steps"));
    }
}
