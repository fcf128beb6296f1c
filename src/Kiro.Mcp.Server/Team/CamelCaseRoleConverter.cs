using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kiro.Mcp.Server.Team;

/// <summary>The generic converter (AOT-safe) with the file's spelling: <c>"reader"</c>, <c>"approver"</c>.</summary>
internal sealed class CamelCaseRoleConverter() : JsonStringEnumConverter<Role>(JsonNamingPolicy.CamelCase, allowIntegerValues: false);
