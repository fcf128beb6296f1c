// What a client that runs the OAuth flow (the TypeScript SDK's auth()) does first: send a request without a
// token, read resource_metadata from the 401's WWW-Authenticate, and fetch the protected-resource metadata
// (RFC 9728) that names the authorization server. Run by tests/Kiro.Mcp.EndToEnd.Tests/JwtAuthenticationTests.cs.
//
//   node discover-auth.mjs --url http://127.0.0.1:N/mcp
//
// Prints one JSON report on stdout; exits 1 (message on stderr) when the server does not answer 401.
import { discoverOAuthProtectedResourceMetadata, extractResourceMetadataUrl } from "@modelcontextprotocol/sdk/client/auth.js";

const args = process.argv.slice(2);
const url = args[args.indexOf("--url") + 1];

const response = await fetch(url, {
  method: "POST",
  headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
  body: JSON.stringify({
    jsonrpc: "2.0", id: 1, method: "initialize",
    params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "ts-sdk-auth", version: "1.0.0" } },
  }),
});
if (response.status !== 401) {
  console.error(`expected 401, got ${response.status}`);
  process.exit(1);
}
const resourceMetadataUrl = extractResourceMetadataUrl(response);
const metadata = await discoverOAuthProtectedResourceMetadata(url, { resourceMetadataUrl });
console.log(JSON.stringify({ status: response.status, resourceMetadataUrl: resourceMetadataUrl?.href ?? null, metadata }));
