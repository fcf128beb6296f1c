// The whole spec → tasks flow, driven by the official TypeScript SDK client, as an assistant in a
// TypeScript host would drive it. Run by tests/Kiro.Mcp.EndToEnd.Tests/TypeScriptClientTests.cs.
//
//   node spec-flow.mjs --input flow.json [--elicitation] --url http://127.0.0.1:N/mcp
//   node spec-flow.mjs --input flow.json [--elicitation] -- dotnet Kiro.Mcp.Server.dll --stdio --workspace DIR
//
// flow.json: {"spec": "name", "documents": [{"document": "requirements", "content": "..."}, ...]}, in gate order.
// With --elicitation the client declares form elicitation and confirms every approval the server asks for;
// without it the client has no elicitation capability and approvals are recorded directly.
// Prints one JSON report on stdout; exits 1 (message on stderr) when any step fails.
import { readFileSync } from "node:fs";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ElicitRequestSchema } from "@modelcontextprotocol/sdk/types.js";

const args = process.argv.slice(2);
const split = args.indexOf("--");
const own = split >= 0 ? args.slice(0, split) : args;
const serverCommand = split >= 0 ? args.slice(split + 1) : [];
const input = JSON.parse(readFileSync(own[own.indexOf("--input") + 1], "utf8"));
const url = own.includes("--url") ? own[own.indexOf("--url") + 1] : undefined;
const elicitation = own.includes("--elicitation");

const report = { transport: url ? "http" : "stdio", elicitation, calls: 0, elicitations: [], approvals: [], completed: [] };

const client = new Client(
  { name: "ts-sdk-client", version: "1.0.0" },
  { capabilities: elicitation ? { elicitation: { form: {} } } : {} },
);
if (elicitation) {
  client.setRequestHandler(ElicitRequestSchema, async (request) => {
    report.elicitations.push(request.params.message);
    // Answer every field of the form with "yes": the approval form has one boolean.
    const content = Object.fromEntries(Object.entries(request.params.requestedSchema?.properties ?? {}).map(([key, schema]) => [key, schema.type === "boolean" ? true : "yes"]));
    return { action: "accept", content };
  });
}

const transport = url
  ? new StreamableHTTPClientTransport(new URL(url))
  : new StdioClientTransport({ command: serverCommand[0], args: serverCommand.slice(1), env: { ...process.env }, stderr: "inherit" });

/** Calls a tool that must succeed; returns its structured content (the client has already checked it against the output schema). */
async function call(name, toolArgs) {
  report.calls++;
  const result = await client.callTool({ name, arguments: toolArgs });
  const text = (result.content ?? []).filter((c) => c.type === "text").map((c) => c.text).join("\n");
  if (result.isError) {
    throw new Error(`${name}(${JSON.stringify(toolArgs).slice(0, 200)}) failed: ${text}`);
  }
  if (!result.structuredContent) {
    throw new Error(`${name} returned no structured content: ${text}`);
  }
  return result.structuredContent;
}

try {
  await client.connect(transport);
  report.server = client.getServerVersion();
  report.tools = (await client.listTools()).tools.map((t) => t.name);

  const spec = input.spec;
  await call("spec_create", { name: spec });
  for (const { document, content } of input.documents) {
    const written = await call("spec_write", { spec, document, content });
    const errors = written.findings.filter((f) => f.severity === "error");
    if (errors.length > 0) {
      throw new Error(`${document} has errors: ${JSON.stringify(errors)}`);
    }
    await call("spec_validate", { spec });
    const approval = await call("spec_approve", { spec, document });
    if (!approval.approved) {
      throw new Error(`${document} was not approved: ${approval.nextStep}`);
    }
    report.approvals.push({ document, by: approval.by, version: approval.version });
  }

  // Execute the plan the way an assistant does: next task, start it, do the work, complete it.
  for (let round = 0; ; round++) {
    if (round > 100) {
      throw new Error("task_next never ran out of tasks");
    }
    const next = await call("task_next", { spec });
    if (!next.task) {
      report.lastNextStep = next.nextStep;
      break;
    }
    const context = await call("task_start", { spec, taskId: next.task.id });
    const done = await call("task_complete", { spec, taskId: next.task.id, summary: `Done by the TypeScript client (${context.title ?? next.task.title})` });
    if (!done.completed) {
      throw new Error(`task ${next.task.id} did not complete: ${done.nextStep}`);
    }
    report.completed.push(...done.markedDone);
  }

  const status = await call("spec_status", { spec });
  report.phase = status.phase;
  report.documents = status.documents.map((d) => ({ document: d.document, approval: d.approval }));
  report.tasks = status.tasks;
  console.log(JSON.stringify(report));
  await client.close();
} catch (error) {
  console.error(`spec-flow failed after ${report.calls} calls: ${error?.stack ?? error}`);
  await client.close().catch(() => {});
  process.exit(1);
}
