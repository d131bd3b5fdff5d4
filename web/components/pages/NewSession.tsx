"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { Braces, Play, Sparkles, WandSparkles } from "lucide-react";
import { api, ApiError, SignedOutError } from "@/lib/api";
import { useAuth } from "@/lib/auth";
import { demoCheckoutPlan, demoOrderSchema } from "@/lib/examples";
import { checkPlan, parseError } from "@/lib/plan";
import { Alert, PageHeader, Panel, buttonClass, inputClass } from "@/components/ui";

interface Form {
  goal: string;
  startUrl: string;
  plan: string;
  resultSchema: string;
  maxSteps: string;
  maxTokens: string;
  maxDurationSeconds: string;
  allowedDomains: string;
  priority: string;
}

const EMPTY: Form = {
  goal: "",
  startUrl: "",
  plan: "",
  resultSchema: "",
  maxSteps: "50",
  maxTokens: "200000",
  maxDurationSeconds: "600",
  allowedDomains: "",
  priority: "0",
};

type Errors = Partial<Record<keyof Form | "form", string[]>>;

/** Which form field a server error key ("plan[3].target", "budgets.maxSteps") belongs to. */
function fieldOf(key: string): keyof Form | "form" {
  const head = key.replace(/^\$\.?/, "").split(/[.[]/)[0];
  if (key.startsWith("budgets.")) return key.slice(8) as keyof Form;
  return (head in EMPTY ? head : "form") as keyof Form | "form";
}

function parseJson(text: string): { value?: unknown; error?: string } {
  if (!text.trim()) return {};
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    return { error: parseError(text, e) };
  }
}

export function NewSession() {
  const router = useRouter();
  const { caller, signOut } = useAuth();
  const [form, setForm] = useState<Form>(EMPTY);
  const [serverErrors, setServerErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [submitted, setSubmitted] = useState(false);

  useEffect(() => setForm((f) => (f.startUrl ? f : { ...f, startUrl: `${window.location.origin}/demo/index.html` })), []);

  const set = (name: keyof Form) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    setForm((f) => ({ ...f, [name]: e.target.value }));
    setServerErrors((s) => ({ ...s, [name]: undefined }));
  };

  // Client-side checks run as the user types; the server's answer is shown beside them.
  const local = useMemo(() => {
    const errors: Errors = {};
    const plan = parseJson(form.plan);
    if (plan.error) errors.plan = [`Not valid JSON: ${plan.error}`];
    else if (plan.value !== undefined) {
      const problems = checkPlan(plan.value);
      if (problems.length) errors.plan = problems.slice(0, 8).map((p) => `${p.path}: ${p.message}`);
      if (problems.length > 8) errors.plan!.push(`…and ${problems.length - 8} more.`);
    }
    const schema = parseJson(form.resultSchema);
    if (schema.error) errors.resultSchema = [`Not valid JSON: ${schema.error}`];
    else if (schema.value !== undefined && (typeof schema.value !== "object" || schema.value === null || Array.isArray(schema.value)))
      errors.resultSchema = ["A result schema is a JSON Schema object."];
    for (const [name, min, max] of [
      ["maxSteps", 1, 1000],
      ["maxTokens", 0, 50_000_000],
      ["maxDurationSeconds", 1, 86_400],
      ["priority", -100, 100],
    ] as const) {
      const n = Number(form[name]);
      if (form[name].trim() === "" || !Number.isInteger(n) || n < min || n > max) errors[name] = [`A whole number from ${min} to ${max}.`];
    }
    if (!form.goal.trim() && !(Array.isArray(plan.value) && plan.value.length > 0)) errors.goal = ["Give a goal, a plan, or both."];
    return { errors, plan: plan.value, schema: schema.value };
  }, [form]);

  const errorsFor = (name: keyof Form) => [...(local.errors[name] ?? []), ...(serverErrors[name] ?? [])];
  const showErrors = (name: keyof Form) => (submitted || name === "plan" || name === "resultSchema" ? errorsFor(name) : []);
  const hasLocalErrors = Object.values(local.errors).some((e) => e && e.length);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (hasLocalErrors) {
      const first = (Object.keys(local.errors) as (keyof Form)[])[0];
      document.getElementById(`f-${first}`)?.focus();
      return;
    }
    setBusy(true);
    setServerErrors({});
    const domains = form.allowedDomains.split(/[\s,]+/).filter(Boolean);
    const body = {
      goal: form.goal.trim() || undefined,
      startUrl: form.startUrl.trim() || undefined,
      plan: local.plan,
      resultSchema: local.schema,
      allowedDomains: domains.length ? domains : undefined,
      budgets: {
        maxSteps: Number(form.maxSteps),
        maxTokens: Number(form.maxTokens),
        maxDurationSeconds: Number(form.maxDurationSeconds),
      },
      priority: Number(form.priority),
    };
    try {
      const session = await api.create(body);
      router.push(`/session/?id=${session.id}`);
    } catch (e) {
      setBusy(false);
      if (e instanceof SignedOutError) return signOut("refused");
      const errors: Errors = {};
      if (e instanceof ApiError && e.problem.errors) {
        for (const [key, messages] of Object.entries(e.problem.errors)) {
          const field = fieldOf(key);
          errors[field] = [...(errors[field] ?? []), ...messages.map((m) => (field === "plan" && key !== "plan" ? `${key}: ${m}` : m))];
        }
      } else {
        errors.form = [e instanceof Error ? e.message : "The session could not be started."];
      }
      setServerErrors(errors);
    }
  }

  function loadExample() {
    setForm((f) => ({
      ...f,
      goal: "Buy the Pulse Studio Headphones and return the order number",
      startUrl: `${window.location.origin}/demo/index.html`,
      plan: JSON.stringify(demoCheckoutPlan, null, 2),
      resultSchema: JSON.stringify(demoOrderSchema, null, 2),
      maxSteps: "40",
      maxDurationSeconds: "300",
    }));
    setServerErrors({});
  }

  function format(name: "plan" | "resultSchema") {
    const parsed = parseJson(form[name]);
    if (parsed.value !== undefined) setForm((f) => ({ ...f, [name]: JSON.stringify(parsed.value, null, 2) }));
  }

  if (caller && !caller.canOperate)
    return <Alert>This API key has the {caller.role} role: it can watch sessions but not start them.</Alert>;

  const summary = [...(serverErrors.form ?? [])];
  return (
    <>
      <PageHeader
        title="New session"
        subtitle="A goal for the agent, a recorded plan to replay, or both."
        actions={
          <button type="button" onClick={loadExample} className={buttonClass()}>
            <WandSparkles aria-hidden className="size-4" /> Load demo checkout
          </button>
        }
      />
      <form onSubmit={submit} noValidate className="grid gap-4 lg:grid-cols-5">
        <div className="space-y-4 lg:col-span-3">
          <Panel title="Task">
            <div className="space-y-4 p-4">
              <Field name="goal" label="Goal" hint="In plain language. Without a plan, an LLM must be configured." errors={showErrors("goal")}>
                <textarea id="f-goal" rows={3} value={form.goal} onChange={set("goal")} className={inputClass} {...described("goal", showErrors("goal"))} />
              </Field>
              <Field name="startUrl" label="Start URL" errors={showErrors("startUrl")}>
                <input id="f-startUrl" type="url" value={form.startUrl} onChange={set("startUrl")} className={`${inputClass} font-mono`} {...described("startUrl", showErrors("startUrl"))} />
              </Field>
              <Field
                name="plan"
                label="Plan (JSON)"
                hint='An array of steps: {"action": "click", "target": {"role": "button", "name": "Add to cart"}}. Optional.'
                errors={showErrors("plan")}
                extra={
                  <button type="button" onClick={() => format("plan")} className="text-xs text-accent hover:underline">
                    <Braces aria-hidden className="mr-1 inline size-3.5" />
                    Format
                  </button>
                }
              >
                <textarea
                  id="f-plan"
                  rows={14}
                  spellCheck={false}
                  value={form.plan}
                  onChange={set("plan")}
                  placeholder='[{ "action": "type", "target": { "label": "Search products" }, "value": "headphones", "submit": true }]'
                  className={`${inputClass} font-mono text-xs leading-5`}
                  {...described("plan", showErrors("plan"))}
                />
                {form.plan.trim() && !errorsFor("plan").length && Array.isArray(local.plan) && (
                  <p className="mt-1 text-xs text-ok" role="status">
                    Valid plan of {local.plan.length} {local.plan.length === 1 ? "step" : "steps"}.
                  </p>
                )}
              </Field>
            </div>
          </Panel>
        </div>
        <div className="space-y-4 lg:col-span-2">
          <Panel title="Result">
            <div className="p-4">
              <Field
                name="resultSchema"
                label="Result schema (JSON Schema)"
                hint="Optional. The result is validated against it before the session succeeds."
                errors={showErrors("resultSchema")}
                extra={
                  <button type="button" onClick={() => format("resultSchema")} className="text-xs text-accent hover:underline">
                    <Braces aria-hidden className="mr-1 inline size-3.5" />
                    Format
                  </button>
                }
              >
                <textarea id="f-resultSchema" rows={8} spellCheck={false} value={form.resultSchema} onChange={set("resultSchema")} className={`${inputClass} font-mono text-xs leading-5`} {...described("resultSchema", showErrors("resultSchema"))} />
              </Field>
            </div>
          </Panel>
          <Panel title="Limits">
            <div className="grid grid-cols-2 gap-4 p-4">
              <Field name="maxSteps" label="Max steps" errors={showErrors("maxSteps")}>
                <input id="f-maxSteps" type="number" inputMode="numeric" min={1} max={1000} value={form.maxSteps} onChange={set("maxSteps")} className={inputClass} {...described("maxSteps", showErrors("maxSteps"))} />
              </Field>
              <Field name="maxTokens" label="Max tokens" errors={showErrors("maxTokens")}>
                <input id="f-maxTokens" type="number" inputMode="numeric" min={0} value={form.maxTokens} onChange={set("maxTokens")} className={inputClass} {...described("maxTokens", showErrors("maxTokens"))} />
              </Field>
              <Field name="maxDurationSeconds" label="Max duration (s)" errors={showErrors("maxDurationSeconds")}>
                <input id="f-maxDurationSeconds" type="number" inputMode="numeric" min={1} value={form.maxDurationSeconds} onChange={set("maxDurationSeconds")} className={inputClass} {...described("maxDurationSeconds", showErrors("maxDurationSeconds"))} />
              </Field>
              <Field name="priority" label="Priority" hint="−100 to 100; higher starts first." errors={showErrors("priority")}>
                <input id="f-priority" type="number" inputMode="numeric" min={-100} max={100} value={form.priority} onChange={set("priority")} className={inputClass} {...described("priority", showErrors("priority"))} />
              </Field>
              <div className="col-span-2">
                <Field name="allowedDomains" label="Allowed domains" hint="Comma-separated host names; empty allows the start URL's host." errors={showErrors("allowedDomains")}>
                  <input id="f-allowedDomains" type="text" value={form.allowedDomains} onChange={set("allowedDomains")} placeholder="shop.example.com, example.org" className={`${inputClass} font-mono`} {...described("allowedDomains", showErrors("allowedDomains"))} />
                </Field>
              </div>
            </div>
          </Panel>
          {summary.length > 0 && <Alert>{summary.join(" ")}</Alert>}
          {submitted && hasLocalErrors && <Alert>Fix the marked fields, then start the session.</Alert>}
          <button type="submit" disabled={busy} className={buttonClass("primary", "w-full py-2.5 text-base")}>
            {busy ? <Sparkles aria-hidden className="size-4 animate-pulse" /> : <Play aria-hidden className="size-4" />}
            {busy ? "Starting…" : "Start session"}
          </button>
        </div>
      </form>
    </>
  );
}

function described(name: string, errors: string[]) {
  return {
    "aria-invalid": errors.length ? (true as const) : undefined,
    "aria-describedby": `h-${name} e-${name}`,
  };
}

function Field({
  name,
  label,
  hint,
  errors,
  extra,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  errors: string[];
  extra?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <div className="space-y-1.5">
      <div className="flex items-center justify-between gap-2">
        <label htmlFor={`f-${name}`} className="block text-sm font-medium">
          {label}
        </label>
        {extra}
      </div>
      {children}
      <p id={`h-${name}`} className={hint ? "text-xs text-muted" : "sr-only"}>
        {hint ?? ""}
      </p>
      <ul id={`e-${name}`} className="space-y-0.5 text-xs text-bad" aria-live="polite">
        {errors.map((e, i) => (
          <li key={i}>{e}</li>
        ))}
      </ul>
    </div>
  );
}
