using Kiro.Mcp.Steering.Generation.Analysis.DotNet;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kiro.Mcp.Steering.Generation.Roslyn;

/// <summary>
/// The code model from syntax alone (no compilation, so no references are needed and it is fast):
/// namespaces and their types, entry points, minimal-API and controller endpoints.
/// </summary>
internal static class CSharpSyntaxScanner
{
    private const int KeyTypesPerNamespace = 6;

    private static readonly Dictionary<string, string> Verbs = new(StringComparer.Ordinal)
    {
        ["MapGet"] = "GET", ["MapPost"] = "POST", ["MapPut"] = "PUT", ["MapDelete"] = "DELETE", ["MapPatch"] = "PATCH",
        ["HttpGet"] = "GET", ["HttpPost"] = "POST", ["HttpPut"] = "PUT", ["HttpDelete"] = "DELETE", ["HttpPatch"] = "PATCH",
    };

    // Map calls that register endpoints under a route (the verbs above, and these by name).
    private static readonly HashSet<string> RouteMaps = new(StringComparer.Ordinal)
    {
        "MapGroup", "MapHub", "MapMcp", "MapHealthChecks", "MapFallback", "MapFallbackToFile", "MapGrpcService", "MapControllers", "MapRazorPages", "MapBlazorHub",
    };

    public static DotNetCode Scan(IReadOnlyList<(string Path, SyntaxNode Root)> files)
    {
        var types = new List<(string Namespace, string Name, bool Public, int Members)>();
        var entryPoints = new List<EntryPoint>();
        var endpoints = new List<Endpoint>();
        foreach (var (path, root) in files)
        {
            if (root is not CompilationUnitSyntax unit)
            {
                continue;
            }
            if (unit.Members.OfType<GlobalStatementSyntax>().Any())
            {
                entryPoints.Add(new EntryPoint(path, "top-level statements"));
            }
            foreach (var type in unit.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<BaseTypeDeclarationSyntax>())
            {
                var ns = type.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Select(n => n.Name.ToString()).Reverse().ToList();
                var name = type.Identifier.ValueText + (type is TypeDeclarationSyntax { TypeParameterList: { } parameters } ? $"<{string.Join(",", parameters.Parameters.Select(p => p.Identifier.ValueText))}>" : "");
                var members = type is TypeDeclarationSyntax declaration ? declaration.Members.Count : ((EnumDeclarationSyntax)type).Members.Count;
                types.Add((ns.Count == 0 ? "(global namespace)" : string.Join('.', ns), name, type.Modifiers.Any(SyntaxKind.PublicKeyword), members));
                if (type is ClassDeclarationSyntax @class)
                {
                    Controller(path, @class, endpoints);
                }
            }
            foreach (var method in unit.DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                if (method.Identifier.ValueText == "Main" && method.Modifiers.Any(SyntaxKind.StaticKeyword))
                {
                    entryPoints.Add(new EntryPoint(path, "Main method"));
                }
            }
            foreach (var invocation in unit.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                MinimalApi(path, invocation, endpoints);
            }
        }
        var namespaces = types
            .GroupBy(t => t.Namespace, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new NamespaceFacts(g.Key, g.Count(), g
                .OrderByDescending(t => t.Public).ThenByDescending(t => t.Members).ThenBy(t => t.Name, StringComparer.Ordinal)
                .Take(KeyTypesPerNamespace).Select(t => t.Name).ToList()))
            .ToList();
        return new DotNetCode(
            files.Count,
            namespaces,
            entryPoints.Distinct().OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Kind, StringComparer.Ordinal).ToList(),
            endpoints.Distinct().OrderBy(e => e.Route, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal).ThenBy(e => e.File, StringComparer.Ordinal).ToList());
    }

    public static SyntaxNode Parse(string text, string path) =>
        CSharpSyntaxTree.ParseText(text, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview), path).GetRoot();

    private static void MinimalApi(string path, InvocationExpressionSyntax invocation, List<Endpoint> endpoints)
    {
        if (invocation.Expression is not MemberAccessExpressionSyntax member)
        {
            return;
        }
        var name = member.Name is GenericNameSyntax generic ? generic.Identifier.ValueText : member.Name.Identifier.ValueText;
        if (!Verbs.TryGetValue(name, out var verb) && !RouteMaps.Contains(name))
        {
            return;
        }
        if (verb is null && name.StartsWith("Http", StringComparison.Ordinal))
        {
            return;
        }
        var first = invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression;
        var route = first switch
        {
            LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal => literal.Token.ValueText,
            // A pattern held in a variable or built at run time cannot be read from syntax.
            not null when verb is not null || name is "MapGroup" or "MapHub" or "MapMcp" or "MapHealthChecks" => "(computed)",
            _ => "",
        };
        endpoints.Add(new Endpoint(verb ?? name, route, path));
    }

    private static void Controller(string path, ClassDeclarationSyntax @class, List<Endpoint> endpoints)
    {
        var attributes = @class.AttributeLists.SelectMany(l => l.Attributes).ToList();
        var isController = attributes.Any(a => AttributeName(a) == "ApiController")
            || (@class.Identifier.ValueText.EndsWith("Controller", StringComparison.Ordinal)
                && @class.BaseList?.Types.Any(t => t.Type.ToString() is "Controller" or "ControllerBase") == true);
        if (!isController)
        {
            return;
        }
        var prefix = attributes.Where(a => AttributeName(a) == "Route").Select(FirstString).FirstOrDefault() ?? "";
        foreach (var method in @class.Members.OfType<MethodDeclarationSyntax>())
        {
            foreach (var attribute in method.AttributeLists.SelectMany(l => l.Attributes))
            {
                if (Verbs.TryGetValue(AttributeName(attribute), out var verb) && AttributeName(attribute).StartsWith("Http", StringComparison.Ordinal))
                {
                    var template = FirstString(attribute) ?? "";
                    var route = template.StartsWith('/') ? template : string.Join('/', new[] { prefix, template }.Where(s => s.Length > 0));
                    endpoints.Add(new Endpoint(verb, "/" + route.TrimStart('/'), path));
                }
            }
        }
    }

    private static string AttributeName(AttributeSyntax attribute)
    {
        var name = attribute.Name.ToString();
        name = name[(name.LastIndexOf('.') + 1)..];
        return name.EndsWith("Attribute", StringComparison.Ordinal) ? name[..^"Attribute".Length] : name;
    }

    private static string? FirstString(AttributeSyntax attribute) =>
        attribute.ArgumentList?.Arguments.FirstOrDefault()?.Expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal
            ? literal.Token.ValueText
            : null;
}
