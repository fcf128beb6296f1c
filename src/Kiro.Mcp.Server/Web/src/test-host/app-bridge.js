// ext-apps' host side, for tests/Kiro.Mcp.EndToEnd.Tests/McpAppTests' host page only: never embedded or shipped.
import { AppBridge, PostMessageTransport } from "@modelcontextprotocol/ext-apps/app-bridge";

window.KiroTestHost = { AppBridge, PostMessageTransport };
