// Validates a SARIF file against the official SARIF 2.1.0 schema (draft-04, shipped in @microsoft/jest-sarif)
// with ajv, the validator most JSON tooling uses. Prints "valid" or the errors; exit 0 only when valid.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";

const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8"));
// unicodeRegExp off: one pattern of the official schema (the language tag) is not valid with the "u" flag.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);
const log = JSON.parse(readFileSync(process.argv[2], "utf8"));
if (validate(log)) {
  console.log("valid");
} else {
  console.log(JSON.stringify(validate.errors, null, 2));
  process.exit(1);
}
