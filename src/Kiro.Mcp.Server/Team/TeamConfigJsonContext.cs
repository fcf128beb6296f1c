using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kiro.Mcp.Server.Team;

/// <summary>
/// How the configuration file is read: camelCase keys and roles, comments and trailing commas allowed, and a
/// misspelt key in a security policy refused rather than silently ignored. Roles must be names, never numbers.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    Converters = [typeof(CamelCaseRoleConverter)])]
[JsonSerializable(typeof(TeamConfig))]
internal sealed partial class TeamConfigJsonContext : JsonSerializerContext;
