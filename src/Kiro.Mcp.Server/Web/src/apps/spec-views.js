// The MCP App views of spec_status (status card), spec_trace (trace matrix) and task_plan (wave plan): one page
// for the three tools (their ui:// resources are the same HTML), which draws whichever result the host hands it.
// Approving goes back through the host to spec_approve, so the server's own rules and the user's confirmation
// (elicitation) apply exactly as when the assistant calls it. Every value is set as text: results carry repository
// content, which must never become markup.
import { App } from "@modelcontextprotocol/ext-apps";

const view = document.getElementById("view");
const app = new App({ name: "kiro-spec-views", version: "1.0.0" }, {}, { autoResize: true });
let input = {};

app.addEventListener("toolinput", (params) => { input = params.arguments ?? {}; });
app.addEventListener("toolresult", (result) => render(result));
app.connect().catch((error) => show([el("p", { className: "problem" }, `Could not reach the host: ${error.message ?? error}`)]));

/** The result's structured content, or the JSON of its first text block for a host that drops structuredContent. */
function dataOf(result) {
  if (result?.structuredContent) return result.structuredContent;
  const text = result?.content?.find((block) => block.type === "text")?.text;
  try { return text ? JSON.parse(text) : null; } catch { return null; }
}

function render(result, notice) {
  const data = dataOf(result);
  if (result?.isError || !data) {
    const text = result?.content?.find((block) => block.type === "text")?.text ?? "The tool returned nothing to show.";
    return show([el("p", { className: "problem" }, text)]);
  }
  const parts = "phase" in data ? statusCard(data) : "criteria" in data ? traceMatrix(data) : "waves" in data ? wavePlan(data) : [el("p", {}, "Nothing to show for this result.")];
  show(notice ? [notice, ...parts] : parts);
}

function statusCard(status) {
  const tasks = status.tasks ?? {};
  const documents = el("table", { className: "documents" },
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Document"), el("th", { scope: "col" }, "Approval"), el("th", { scope: "col" }, "By"), el("th", { scope: "col" }, ""))),
    el("tbody", {}, ...(status.documents ?? []).map((d) => el("tr", { dataset: { document: d.document } },
      el("th", { scope: "row" }, `${d.document}.md`),
      el("td", { className: `approval approval-${d.exists ? d.approval : "missing"}` }, d.exists ? d.approval.replace("_", " ") : "not written"),
      el("td", {}, d.by ?? ""),
      el("td", {}, d.exists && d.approval !== "approved"
        ? el("button", { type: "button", onclick: () => approve(status.spec, d.document) }, `Approve ${d.document}.md`)
        : "")))));
  const parts = [
    el("h1", {}, status.spec),
    el("p", { className: "phase" }, "Phase: ", el("strong", {}, status.phase), status.quick ? " (quick)" : ""),
    documents,
    el("h2", {}, "Progress"),
    el("p", { className: "progress" }, el("progress", { max: Math.max(tasks.total ?? 0, 1), value: tasks.done ?? 0, ariaLabel: "Tasks done" }),
      ` ${tasks.done ?? 0} of ${tasks.total ?? 0} tasks done, ${tasks.inProgress ?? 0} in progress`),
    el("p", { className: "next" }, "Next: ", status.nextAction),
  ];
  if ((status.needsRecheck ?? []).length > 0) {
    parts.push(el("p", { className: "problem" }, `Needs recheck: ${status.needsRecheck.map((r) => `task ${r.task}`).join(", ")}`));
  }
  return parts;
}

function traceMatrix(trace) {
  const rows = (trace.criteria ?? []).map((c) => el("tr", { className: c.tasks.length === 0 ? "uncovered" : "" },
    el("th", { scope: "row" }, c.id),
    el("td", {}, c.text),
    el("td", {}, c.tasks.length === 0 ? "no task" : c.tasks.map((t) => `${t.id} ${t.title} (${t.status})`).join("; ")),
    el("td", {}, c.tasks.flatMap((t) => t.commits ?? []).map((commit) => (commit.sha ?? commit.id ?? "").slice(0, 7)).filter(Boolean).join(", ")),
    el("td", {}, (c.properties ?? []).join(", "))));
  const uncovered = (trace.criteria ?? []).filter((c) => c.tasks.length === 0).length;
  return [
    el("h1", {}, `Trace of ${trace.spec}`),
    el("p", { className: uncovered ? "problem" : "muted" }, `${trace.total} criteria, ${uncovered} covered by no task${trace.nextCursor ? " (first page)" : ""}`),
    el("table", { className: "trace" },
      el("thead", {}, el("tr", {}, ...["Criterion", "Text", "Tasks", "Commits", "Properties"].map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, ...rows)),
  ];
}

function wavePlan(plan) {
  const critical = new Set(plan.criticalPath ?? []);
  const parts = [
    el("h1", {}, `Plan of ${plan.spec}`),
    el("p", { className: "muted" }, `${(plan.waves ?? []).length} waves; critical path ${(plan.criticalPath ?? []).join(" → ") || "none"}`),
    el("ol", { className: "waves" }, ...(plan.waves ?? []).map((wave, i) => el("li", { className: "wave" },
      el("h3", {}, `Wave ${i + 1}`),
      el("ul", {}, ...wave.map((id) => el("li", { className: critical.has(id) ? "critical" : "", title: critical.has(id) ? "on the critical path" : "" }, `task ${id}`)))))),
  ];
  for (const problem of [...(plan.errors ?? []), ...(plan.warnings ?? [])]) parts.push(el("p", { className: "problem" }, problem));
  return parts;
}

async function approve(spec, document) {
  const args = { spec, document };
  if (input.workspace) args.workspace = input.workspace;
  let notice;
  try {
    const result = await app.callServerTool({ name: "spec_approve", arguments: args });
    const outcome = dataOf(result);
    const approved = !result.isError && outcome?.approved === true;
    const text = result.isError ? (result.content?.find((b) => b.type === "text")?.text ?? "Refused.") : approved ? `Approved ${document}.md.` : (outcome?.nextStep ?? "Not approved.");
    notice = el("p", { className: approved ? "notice" : "notice refused", role: "status" }, text);
  } catch (error) {
    notice = el("p", { className: "notice refused", role: "status" }, `The host could not call spec_approve: ${error.message ?? error}`);
  }
  // Show the state the server now holds, not a guess.
  const statusArgs = { spec };
  if (input.workspace) statusArgs.workspace = input.workspace;
  try {
    render(await app.callServerTool({ name: "spec_status", arguments: statusArgs }), notice);
  } catch {
    show([notice, ...view.childNodes]);
  }
}

function show(nodes) {
  view.replaceChildren(...nodes);
}

/** An element with properties (dataset merged) and children, text children as text nodes. */
function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (key === "dataset") Object.assign(node.dataset, value);
    else if (value !== "" && value !== undefined) node[key] = value;
  }
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== ""));
  return node;
}
