using Kiro.Mcp.Steering.Matching;

namespace Kiro.Mcp.Steering.Tests.Matching;

public class FileMatcherTests
{
    [Theory]
    [InlineData("components/**/*.tsx", "components/Button.tsx", true)]
    [InlineData("components/**/*.tsx", "components/forms/Input.tsx", true)]
    [InlineData("components/**/*.tsx", "src/components/Button.tsx", false)]
    [InlineData("components/**/*.tsx", "components/Button.ts", false)]
    [InlineData("**/*.go", "main.go", true)]
    [InlineData("**/*.go", "cmd/server/main.go", true)]
    [InlineData("src/app/store*", "src/app/store.ts", true)]
    [InlineData("src/app/store*", "src/app/other/store.ts", false)]
    [InlineData("eslint.config.*", "eslint.config.js", true)]
    [InlineData("app/api/**/*", "app/api/users/route.ts", true)]
    [InlineData("**/*.test.*", "src/a/b.test.ts", true)]
    [InlineData("./src/**/*.ts", "src/x.ts", true)]
    [InlineData("/src/**/*.ts", "src/x.ts", true)]
    public void Globs_match_workspace_relative_paths(string pattern, string path, bool matches)
    {
        Assert.Equal(matches, new FileMatcher([pattern]).FirstMatch(path) is not null);
    }

    [Theory]
    [InlineData("*.tsx", "Button.tsx", true)]
    [InlineData("*.tsx", "src/components/Button.tsx", true)]
    [InlineData("*.tsx", "src/components/Button.ts", false)]
    [InlineData("tsconfig.json", "packages/web/tsconfig.json", true)]
    public void A_glob_without_a_slash_matches_the_file_name_in_any_folder(string pattern, string path, bool matches)
    {
        Assert.Equal(matches, new FileMatcher([pattern]).FirstMatch(path) is not null);
    }

    [Fact]
    public void Paths_are_matched_case_insensitively_and_with_either_separator()
    {
        var matcher = new FileMatcher(["src/**/*.ts"]);
        Assert.NotNull(matcher.FirstMatch("SRC/App.TS"));
        Assert.NotNull(matcher.FirstMatch("src\\lib\\x.ts"));
    }

    [Fact]
    public void The_first_matching_pattern_is_reported()
    {
        var matcher = new FileMatcher(["**/*.md", "src/**/*.ts", "**/*.ts"]);
        Assert.Equal("src/**/*.ts", matcher.FirstMatch("src/a.ts"));
        Assert.Equal("**/*.ts", matcher.FirstMatch("test/a.ts"));
        Assert.Null(matcher.FirstMatch("a.cs"));
        Assert.Null(matcher.FirstMatch(""));
    }

    [Fact]
    public void Brace_alternatives_expand()
    {
        var matcher = new FileMatcher(["src/**/*.{ts,tsx}"]);
        Assert.NotNull(matcher.FirstMatch("src/a.ts"));
        Assert.NotNull(matcher.FirstMatch("src/b/c.tsx"));
        Assert.Null(matcher.FirstMatch("src/a.js"));
        Assert.Equal(["a/x.c", "a/y.c", "b/x.c", "b/y.c"], FilePatterns.ExpandBraces("{a,b}/{x,y}.c"));
        Assert.Equal(["a.{unclosed"], FilePatterns.ExpandBraces("a.{unclosed"));
    }

    [Fact]
    public void Brace_expansion_is_bounded()
    {
        // 3^12 alternatives: refused whole rather than cut at an arbitrary one.
        var pattern = string.Concat(Enumerable.Repeat("{a,b,c}", 12));
        Assert.Empty(FilePatterns.ExpandBraces(pattern));
        Assert.NotNull(FilePatterns.Problem(pattern));
        Assert.Equal(FilePatterns.MaxAlternatives, FilePatterns.ExpandBraces(string.Concat(Enumerable.Repeat("{a,b}", 8))).Count);
    }

    [Fact]
    public void Comma_separated_patterns_split_outside_braces_only()
    {
        Assert.Equal(["**/*.ts", "**/*.{js,jsx}", "a"], FilePatterns.Split(" **/*.ts ,**/*.{js,jsx}, ,a"));
    }
}
