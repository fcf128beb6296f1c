// Checks structured results against their tools' output schemas with the TypeScript SDK's own validator
// (AjvJsonSchemaValidator, the one Client.callTool uses). Run by tests/Kiro.Mcp.EndToEnd.Tests/OutputSchemaTests.cs.
//
//   node check-output-schemas.mjs results.json      results.json: [{"tool": "...", "schema": {...}, "result": {...}}, ...]
//
// Prints {"checked": N, "rejected": N} on stdout and one line per rejected result on stderr; exits 1 when any is rejected.
import { readFileSync } from "node:fs";
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv";

const validator = new AjvJsonSchemaValidator();
const results = JSON.parse(readFileSync(process.argv[2], "utf8"));
let rejected = 0;
for (const { tool, schema, result } of results) {
  const check = validator.getValidator(schema)(result);
  if (!check.valid) {
    rejected++;
    console.error(`${tool}: ${check.errorMessage}`);
  }
}
console.log(JSON.stringify({ checked: results.length, rejected }));
process.exit(rejected > 0 ? 1 : 0);
