using ContainerAnalyzers.Tests.Infrastructure;

namespace ContainerAnalyzers.Tests.EndToEnd;

/// <summary>A temporary consumer project that references the packed package from the run's folder feed, and its build.</summary>
internal static class ConsumerProject
{
    /// <summary>A fixture's folder for its consumers, with the package packed; the fixture is skipped when end-to-end tests are off.</summary>
    public static string PrepareWorkRoot(string name)
    {
        if (Environment.GetEnvironmentVariable("CONTAINERANALYZERS_SKIP_E2E") == "1")
        {
            NUnit.Framework.Assert.Ignore("End-to-end tests skipped: CONTAINERANALYZERS_SKIP_E2E=1.");
        }

        var workRoot = Path.Combine(AnalyzerPackage.RunFolder, name);
        Directory.CreateDirectory(workRoot);
        NUnit.Framework.Assert.That(AnalyzerPackage.Version, NUnit.Framework.Is.Not.Empty);
        return workRoot;
    }

    // A consumer has a .dockerignore unless a test says otherwise: without one, CTR0042 reports every Dockerfile that copies the context.
    public static string Create(string workRoot, string sdk, string targetFrameworks, string? dockerfile, bool dockerIgnore = true, string? projectItems = null)
    {
        var folder = Path.Combine(workRoot, "Consumer" + Guid.NewGuid().ToString("N").Substring(0, 8), "Consumer");
        Directory.CreateDirectory(folder);
        var frameworkProperty = targetFrameworks.Contains(';', StringComparison.Ordinal) ? "TargetFrameworks" : "TargetFramework";
        var outputType = sdk == "Microsoft.NET.Sdk" ? "<OutputType>Exe</OutputType>" : string.Empty;
        File.WriteAllText(Path.Combine(folder, "Consumer.csproj"), $"""
            <Project Sdk="{sdk}">
              <PropertyGroup>
                <{frameworkProperty}>{targetFrameworks}</{frameworkProperty}>
                {outputType}
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ContainerAnalyzers" Version="{AnalyzerPackage.Version}" />
                {projectItems}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), "System.Console.WriteLine(\"hello\");\n");
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="containeranalyzers-e2e" value="{AnalyzerPackage.Feed}" />
              </packageSources>
            </configuration>
            """);

        // Stop MSBuild from importing anything from the folders above the temporary project.
        File.WriteAllText(Path.Combine(folder, "..", "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(folder, "..", "Directory.Build.targets"), "<Project />\n");
        if (dockerfile is not null)
        {
            File.WriteAllText(Path.Combine(folder, "Dockerfile"), dockerfile);
        }

        if (dockerIgnore)
        {
            File.WriteAllText(Path.Combine(folder, ".dockerignore"), "**/bin/\n**/obj/\n");
        }

        return Path.Combine(folder, "Consumer.csproj");
    }

    // Minimal verbosity prints each warning once; -v:n (for "Skipping target") echoes the compiler's output as well.
    public static ProcessResult Build(string project, params string[] extra)
        => ProcessRunner.Dotnet(Path.GetDirectoryName(project)!, new[] { "build", project, "-nologo", "-v:m", "-clp:NoSummary", "-nodeReuse:false" }.Concat(extra).ToArray());
}
