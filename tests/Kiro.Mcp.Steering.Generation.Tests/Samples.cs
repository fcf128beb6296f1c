namespace Kiro.Mcp.Steering.Generation.Tests;

/// <summary>The sample repositories the golden files describe.</summary>
public static class Samples
{
    public static SampleRepository DotNetSolution()
    {
        var repo = new SampleRepository()
            .Write("README.md", """
                # Shop

                [![build](https://example.com/badge.svg)](https://example.com)

                Shop is a small web shop backend: a catalogue, a basket and checkout over HTTP.

                ## Features

                - Browse the product catalogue
                - Keep a basket per customer
                - Check out with a payment provider

                ## Who is it for

                Small retailers who want a self-hosted shop.

                ## Development

                ```bash
                dotnet test
                ```
                """)
            .Write("Shop.sln", Sln(("Shop.Domain", "src/Shop.Domain/Shop.Domain.csproj"), ("Shop.Api", "src/Shop.Api/Shop.Api.csproj"), ("Shop.Domain.Tests", "tests/Shop.Domain.Tests/Shop.Domain.Tests.csproj")))
            .Write("Directory.Build.props", """
                <Project>
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
                  </PropertyGroup>
                </Project>
                """)
            .Write("Directory.Packages.props", """
                <Project>
                  <ItemGroup>
                    <PackageVersion Include="Serilog" Version="4.2.0" />
                    <PackageVersion Include="xunit.v3" Version="4.0.2" />
                    <PackageVersion Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
                  </ItemGroup>
                </Project>
                """)
            .Write("src/Shop.Domain/Shop.Domain.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                </Project>
                """)
            .Write("src/Shop.Domain/Catalog/Product.cs", """
                namespace Shop.Domain.Catalog;

                /// <summary>A product.</summary>
                public sealed record Product(string Sku, string Name, decimal Price);

                public interface ICatalog
                {
                    Product? Find(string sku);
                    IReadOnlyList<Product> All();
                }
                """)
            .Write("src/Shop.Domain/Baskets/Basket.cs", """
                namespace Shop.Domain.Baskets
                {
                    public sealed class Basket
                    {
                        private readonly List<string> _items = [];
                        public void Add(string sku) => _items.Add(sku);
                        public int Count => _items.Count;
                    }

                    internal sealed class BasketRules
                    {
                    }
                }
                """)
            .Write("src/Shop.Api/Shop.Api.csproj", """
                <Project Sdk="Microsoft.NET.Sdk.Web">
                  <ItemGroup>
                    <PackageReference Include="Serilog" />
                    <ProjectReference Include="..\Shop.Domain\Shop.Domain.csproj" />
                  </ItemGroup>
                </Project>
                """)
            .Write("src/Shop.Api/Program.cs", """
                var builder = WebApplication.CreateBuilder(args);
                var app = builder.Build();
                app.MapGet("/products", () => Results.Ok());
                app.MapPost("/baskets/{id}/items", (string id) => Results.Created());
                app.Run();
                """)
            .Write("src/Shop.Api/Controllers/OrdersController.cs", """
                using Microsoft.AspNetCore.Mvc;

                namespace Shop.Api.Controllers;

                [ApiController]
                [Route("api/orders")]
                public sealed class OrdersController : ControllerBase
                {
                    [HttpGet("{id}")]
                    public IActionResult Get(string id) => Ok();

                    [HttpPost]
                    public IActionResult Create() => Ok();
                }
                """)
            .Write("tests/Shop.Domain.Tests/Shop.Domain.Tests.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="xunit.v3" />
                    <PackageReference Include="Microsoft.NET.Test.Sdk" />
                    <ProjectReference Include="..\..\src\Shop.Domain\Shop.Domain.csproj" />
                  </ItemGroup>
                </Project>
                """)
            .Write("tests/Shop.Domain.Tests/BasketTests.cs", """
                namespace Shop.Domain.Tests;

                public class BasketTests
                {
                    [Fact]
                    public void Adding_an_item_counts_it() => Assert.Equal(1, 1);
                }
                """)
            .Write(".editorconfig", "root = true\n")
            .Commit("Domain and API")
            .Write("src/Shop.Api/appsettings.json", "{}\n")
            .Commit("Settings", "other@example.com");
        return repo;
    }

    public static SampleRepository NodeProject() =>
        new SampleRepository()
            .Write("README.md", """
                # todo-web

                A to-do list in the browser.
                """)
            .Write("package.json", """
                {
                  "name": "todo-web",
                  "type": "module",
                  "engines": { "node": ">=20" },
                  "scripts": { "dev": "vite", "build": "tsc && vite build", "test": "vitest run", "lint": "eslint ." },
                  "dependencies": { "react": "^18.3.1", "react-dom": "^18.3.1", "zustand": "^4.5.0" },
                  "devDependencies": { "vite": "^5.2.0", "vitest": "^1.6.0", "typescript": "~5.4.5", "eslint": "^8.57.0" }
                }
                """)
            .Write("pnpm-lock.yaml", "lockfileVersion: '9.0'\n")
            .Write("src/main.tsx", "export {};\n")
            .Write("src/components/TodoList.tsx", "export {};\n")
            .Write("src/hooks/useTodos.ts", "export {};\n")
            .Write("Dockerfile", """
                FROM node:20-alpine AS build
                WORKDIR /app
                COPY . .
                RUN pnpm install && pnpm build
                FROM nginx:1.27-alpine
                COPY --from=build /app/dist /usr/share/nginx/html
                EXPOSE 80
                """)
            .Write(".github/workflows/ci.yml", """
                name: CI
                on:
                  push:
                    branches: [main]
                  pull_request:
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - run: pnpm install --frozen-lockfile
                      - run: |
                          pnpm lint
                          pnpm test
                """)
            .Write(".gitignore", "dist/\n")
            .Write("dist/bundle.js", "ignored\n")
            .Commit("Initial commit");

    public static SampleRepository Polyglot() =>
        new SampleRepository()
            .Write("README.md", """
                # Atlas

                Atlas maps delivery routes for couriers.

                It has a Python planner, a Go API, a Rust CLI and a Java importer.

                ## Goals

                - Plan a day's routes in under a minute
                - Run on one small server
                """)
            .Write("docs/architecture.md", "# Architecture of Atlas\n\nText.\n")
            .Write("docs/operations.md", "# Operations\n")
            .Write("planner/pyproject.toml", """
                [project]
                name = "atlas-planner"
                requires-python = ">=3.11"
                dependencies = ["numpy>=1.26", "ortools==9.10.4067", "pydantic[email]>=2.7; python_version>'3.10'"]

                [project.optional-dependencies]
                dev = ["pytest>=8", "ruff"]

                [project.scripts]
                atlas-plan = "atlas_planner.cli:main"

                [build-system]
                build-backend = "hatchling.build"

                [tool.ruff]
                line-length = 100
                """)
            .Write("planner/uv.lock", "version = 1\n")
            .Write("planner/requirements-dev.txt", "pytest==8.2.0\n# comment\n-r requirements.txt\n")
            .Write("api/go.mod", """
                module example.com/atlas/api

                go 1.22

                require (
                	github.com/go-chi/chi/v5 v5.0.12
                	golang.org/x/sync v0.7.0 // indirect
                )
                """)
            .Write("api/main.go", "package main\n")
            .Write("cli/Cargo.toml", """
                [package]
                name = "atlas-cli"
                edition = "2021"

                [dependencies]
                clap = { version = "4.5", features = ["derive"] }
                serde = "1.0"

                [dev-dependencies]
                assert_cmd = "2"
                """)
            .Write("importer/pom.xml", """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <groupId>com.example.atlas</groupId>
                  <artifactId>importer</artifactId>
                  <properties><java.version>21</java.version></properties>
                  <dependencies>
                    <dependency><groupId>com.fasterxml.jackson.core</groupId><artifactId>jackson-databind</artifactId><version>2.17.1</version></dependency>
                    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><version>5.10.2</version><scope>test</scope></dependency>
                  </dependencies>
                </project>
                """)
            .Write("importer/mvnw", "#!/bin/sh\n")
            .Write("android/build.gradle.kts", """
                plugins { id("com.android.application") }
                dependencies {
                    implementation("androidx.core:core-ktx:1.13.1")
                    testImplementation("junit:junit:4.13.2")
                }
                """)
            .Write("site/Gemfile", """
                source "https://rubygems.org"
                ruby "3.3.0"
                gem "jekyll", "~> 4.3"
                group :development, :test do
                  gem "rspec"
                end
                """)
            .Write("admin/composer.json", """
                { "name": "atlas/admin", "require": { "php": ">=8.2", "laravel/framework": "^11.0" }, "require-dev": { "phpunit/phpunit": "^11" }, "scripts": { "test": "phpunit" } }
                """)
            .Write("Makefile", """
                .PHONY: all test
                VERSION := 1.0
                all: build ## build everything
                build:
                	echo build
                test: ## run every test suite
                	echo test
                %.o: %.c
                	cc $<
                """)
            .Write("scripts/deploy.sh", "#!/bin/sh\n")
            .Commit("Atlas");

    internal static string Sln(params (string Name, string Path)[] projects)
    {
        var text = new System.Text.StringBuilder("\nMicrosoft Visual Studio Solution File, Format Version 12.00\n# Visual Studio Version 17\n");
        var index = 0;
        foreach (var (name, path) in projects)
        {
            text.Append("Project(\"{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}\") = \"").Append(name).Append("\", \"").Append(path.Replace('/', '\\'))
                .Append("\", \"{00000000-0000-0000-0000-00000000000").Append(++index).Append("}\"\nEndProject\n");
        }
        text.Append("Global\n\tGlobalSection(SolutionConfigurationPlatforms) = preSolution\n\t\tDebug|Any CPU = Debug|Any CPU\n\tEndGlobalSection\n\tGlobalSection(ProjectConfigurationPlatforms) = postSolution\n");
        for (var i = 1; i <= projects.Length; i++)
        {
            text.Append("\t\t{00000000-0000-0000-0000-00000000000").Append(i).Append("}.Debug|Any CPU.ActiveCfg = Debug|Any CPU\n");
            text.Append("\t\t{00000000-0000-0000-0000-00000000000").Append(i).Append("}.Debug|Any CPU.Build.0 = Debug|Any CPU\n");
        }
        text.Append("\tEndGlobalSection\nEndGlobal\n");
        return text.ToString();
    }
}
