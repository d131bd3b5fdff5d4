namespace RpaOrleans.Planning;

/// <summary>Chooses the next action for a session.</summary>
public interface IPlanner
{
    Task<PlannerDecision> NextAsync(PlannerContext context, CancellationToken cancellationToken);
}
