using RpaOrleans.Execution;
using RpaOrleans.Results;

namespace RpaOrleans.Sessions;

/// <summary>Rules a spec must satisfy before a session is accepted; each error names the field.</summary>
public static class SessionSpecValidator
{
    public const int MaxGoalLength = 10_000;
    public const int MaxPlanSteps = 500;
    public const int MaxStepsLimit = 1_000;
    public const long MaxTokensLimit = 50_000_000;
    public const int MaxDurationLimitSeconds = 24 * 3600;

    public static Dictionary<string, string[]> Validate(SessionSpec spec, bool llmConfigured)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) =>
            errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

        if (!spec.HasGoal && !spec.HasPlan) Add("goal", "Give a goal, a plan, or both.");
        if (spec.Goal is { Length: > MaxGoalLength }) Add("goal", $"The goal is longer than {MaxGoalLength} characters.");
        if (spec.HasGoal && !spec.HasPlan && !llmConfigured)
            Add("goal", "A goal needs an LLM, and none is configured (set Llm:Endpoint/Llm:ApiKey or OPENAI_API_KEY), or give a plan.");

        if (spec.StartUrl is not null)
        {
            var (_, error) = UrlPolicy.Check(spec.StartUrl, spec.AllowedDomains);
            if (error is not null) Add("startUrl", $"The start URL is not allowed: {error}.");
        }
        else if (spec.Plan is not { Count: > 0 } || spec.Plan[0].Action != ActionKind.Navigate)
        {
            Add("startUrl", "A start URL is required unless the plan begins with a navigate step.");
        }

        if (spec.Plan is { } plan)
        {
            if (plan.Count > MaxPlanSteps) Add("plan", $"A plan has at most {MaxPlanSteps} steps.");
            for (var i = 0; i < Math.Min(plan.Count, MaxPlanSteps); i++) ValidateStep(plan[i], $"plan[{i}]", spec, Add);
        }

        var budgets = spec.EffectiveBudgets;
        if (budgets.MaxSteps is < 1 or > MaxStepsLimit) Add("budgets.maxSteps", $"Must be between 1 and {MaxStepsLimit}.");
        if (budgets.MaxTokens is < 0 or > MaxTokensLimit) Add("budgets.maxTokens", $"Must be between 0 and {MaxTokensLimit}.");
        if (budgets.MaxDurationSeconds is < 1 or > MaxDurationLimitSeconds) Add("budgets.maxDurationSeconds", $"Must be between 1 and {MaxDurationLimitSeconds}.");
        if (spec.HasPlan && budgets.MaxSteps < spec.Plan!.Count) Add("budgets.maxSteps", $"The plan has {spec.Plan.Count} steps but the step budget is {budgets.MaxSteps}.");
        if (spec.Priority is < -100 or > 100) Add("priority", "Must be between -100 and 100.");

        if (spec.ResultSchema is not null && ResultValidator.CheckSchema(spec.ResultSchema) is { } schemaError)
            Add("resultSchema", $"Not a usable JSON Schema: {schemaError}");
        if (spec.Webhook is not null)
        {
            var (_, error) = UrlPolicy.Check(spec.Webhook, null);
            if (error is not null) Add("webhook", $"The webhook URL is not allowed: {error}.");
        }
        if (spec.AllowedDomains is { } domains && domains.Any(d => string.IsNullOrWhiteSpace(d) || d.Contains('/', StringComparison.Ordinal)))
            Add("allowedDomains", "Each allowed domain is a host name such as example.com.");
        if (spec.Metadata is { Count: > 50 }) Add("metadata", "At most 50 metadata entries.");
        foreach (var file in spec.Files ?? [])
        {
            if (string.IsNullOrWhiteSpace(file.Name) || file.Name.IndexOfAny(['/', '\\', '\0']) >= 0 || file.Name.Length > 200)
                Add("files", $"'{file.Name}' is not a plain file name.");
            else if (!IsBase64(file.ContentBase64)) Add("files", $"The content of '{file.Name}' is not base64.");
        }
        return errors;
    }

    private static bool IsBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out _);
    }

    private static void ValidateStep(StepAction step, string field, SessionSpec spec, Action<string, string> add)
    {
        if (!Enum.IsDefined(step.Action)) add($"{field}.action", "Unknown action.");
        switch (step.Action)
        {
            case ActionKind.Navigate:
                var (_, error) = UrlPolicy.Check(step.Url ?? step.Value, spec.AllowedDomains, spec.StartUrl);
                if (error is not null) add($"{field}.url", $"Not allowed: {error}.");
                break;
            case ActionKind.Click or ActionKind.DoubleClick or ActionKind.RightClick or ActionKind.Type or ActionKind.Select
                or ActionKind.Check or ActionKind.Uncheck or ActionKind.Hover or ActionKind.Upload or ActionKind.Download
                when step.Target is null or { IsEmpty: true }:
                add($"{field}.target", $"A {step.Action.ToString().ToLowerInvariant()} step needs a target (role+name, label, text, placeholder, testId or css).");
                break;
        }
        if (step.Action is ActionKind.Type or ActionKind.Select or ActionKind.Press && step.Value is null)
            add($"{field}.value", $"A {step.Action.ToString().ToLowerInvariant()} step needs a value.");
        if (step.Action == ActionKind.Upload && spec.Files is not { Count: > 0 })
            add($"{field}.value", "An upload step needs files given with the session (files).");
        if (step.Action == ActionKind.Extract && string.IsNullOrWhiteSpace(step.Field))
            add($"{field}.field", "An extract step needs the result field it fills.");
    }
}
