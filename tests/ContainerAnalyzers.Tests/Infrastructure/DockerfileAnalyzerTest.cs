using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using ContainerAnalyzers.Analyzers;
using ContainerAnalyzers.Rules;
using ContainerAnalyzers.Rules.Definitions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ContainerAnalyzers.Tests.Infrastructure;

/// <summary>
/// A fluent builder over the Microsoft.CodeAnalysis.Testing analyzer verifier: a C# project with a Dockerfile
/// (with inline span markup such as <c>{|CTR0002:…|}</c>), an optional project file, and MSBuild properties
/// delivered the way the package delivers them (build_property.* in a global analyzer config).
/// <typeparamref name="TRule"/> is the rule under test: a rule class (CTR0001NoBuilderStageRule), run by the package's
/// one host, <see cref="DockerfileAnalyzer"/>, with every other rule turned off in the .globalconfig as a user would
/// (which also exercises the host's skipping of disabled rules); or an analyzer of its own (CTR0009).
/// </summary>
internal sealed class DockerfileAnalyzerTest<TRule>
    where TRule : class
{
    private static readonly string RuleId = typeof(TRule).Name.Substring(0, 7);
    private readonly Test _test = new();
    private readonly Dictionary<string, string> _properties = new(StringComparer.Ordinal);
    private bool _packageInputs;

    public DockerfileAnalyzerTest()
    {
        _test.TestState.Sources.Add("public static class Program { public static void Main() { } }");
        _test.ReferenceAssemblies = NetReferenceAssemblies.None;
        _test.TestState.AdditionalReferences.AddRange(NetReferenceAssemblies.Net80);
    }

    /// <summary>A test for an executable project App.csproj (a web project unless <paramref name="web"/> is false).</summary>
    public static DockerfileAnalyzerTest<TRule> ForApp(string targetFramework = "net8.0", bool web = true)
    {
        // The same project as the engine tests' (one definition of "the app" for both builders).
        var test = new DockerfileAnalyzerTest<TRule>();
        foreach (var property in EngineTest.AppProperties(targetFramework, web))
        {
            test.WithProperty(property.Key, property.Value);
        }

        return test;
    }

    public DockerfileAnalyzerTest<TRule> WithProperty(string name, string value)
    {
        _properties[name] = value;
        return this;
    }

    public DockerfileAnalyzerTest<TRule> WithDockerfile(string markup, string fileName = "Dockerfile")
    {
        _test.TestState.AdditionalFiles.Add(("/src/App/" + fileName, markup));
        return this;
    }

    public DockerfileAnalyzerTest<TRule> WithProjectFile(string text, string fileName = "App.csproj")
    {
        _test.TestState.AdditionalFiles.Add(("/src/App/" + fileName, text));
        return this;
    }

    /// <summary>A compose file at a path (absolute, or relative to /src/App), with span markup for its diagnostics.</summary>
    public DockerfileAnalyzerTest<TRule> WithComposeFile(string markup, string path = "/src/App/docker-compose.yml")
    {
        _test.TestState.AdditionalFiles.Add((path.StartsWith('/') ? path : "/src/App/" + path, markup));
        return this;
    }

    /// <summary>An appsettings file of the project (appsettings.json unless named).</summary>
    public DockerfileAnalyzerTest<TRule> WithAppSettings(string json, string fileName = "appsettings.json")
    {
        _test.TestState.AdditionalFiles.Add(("/src/App/" + fileName, json));
        return this;
    }

    /// <summary>A GitHub action file (action.yml) at a path (absolute, or relative to /src/App).</summary>
    public DockerfileAnalyzerTest<TRule> WithActionFile(string yaml, string path = "action.yml")
    {
        _test.TestState.AdditionalFiles.Add((path.StartsWith('/') ? path : "/src/App/" + path, yaml));
        return this;
    }

    /// <summary>Another C# source file, for rules that weigh what the code does.</summary>
    public DockerfileAnalyzerTest<TRule> WithSource(string source)
    {
        _test.TestState.Sources.Add(source);
        return this;
    }

    /// <summary>
    /// Tags the additional files as the package's MSBuild files do (ContainerAnalyzersKind metadata), so the
    /// analyzers know the inputs are complete: for example that no .dockerignore means there is none.
    /// </summary>
    public DockerfileAnalyzerTest<TRule> WithPackageInputs(bool dockerIgnore)
    {
        _packageInputs = true;
        if (dockerIgnore)
        {
            _test.TestState.AdditionalFiles.Add(("/src/App/.dockerignore", "**/bin/\n**/obj/\n"));
        }

        return this;
    }

    /// <summary>A .dockerignore with this text in /src/App (or another name there, such as Dockerfile.dockerignore), tagged as the package tags it.</summary>
    public DockerfileAnalyzerTest<TRule> WithDockerIgnore(string text, string fileName = ".dockerignore")
    {
        _packageInputs = true;
        _test.TestState.AdditionalFiles.Add(("/src/App/" + fileName, text));
        return this;
    }

    /// <summary>A referenced assembly, as a package would bring it (for the rules that weigh what the app references).</summary>
    public DockerfileAnalyzerTest<TRule> WithReference(MetadataReference reference)
    {
        _test.TestState.AdditionalReferences.Add(reference);
        return this;
    }

    /// <summary>The NuGet.Config restore reads (in /src/App unless a path is given), tagged as the package tags it.</summary>
    public DockerfileAnalyzerTest<TRule> WithNuGetConfig(string text, string path = "/src/App/NuGet.Config")
    {
        _packageInputs = true;
        _test.TestState.AdditionalFiles.Add((path, text));
        return this;
    }

    public DockerfileAnalyzerTest<TRule> WithExpected(DiagnosticResult expected)
    {
        _test.ExpectedDiagnostics.Add(expected);
        return this;
    }

    public Task RunAsync()
    {
        var config = new StringBuilder("is_global = true\n");
        foreach (var (name, value) in _properties)
        {
            config.Append("build_property.").Append(name).Append(" = ").Append(value).Append('\n');
        }

        // Before any [file] section: a global key after one would belong to that section.
        foreach (var rule in AllRules.Descriptors)
        {
            if (rule.Id != RuleId && rule.Id != CTR0099RuleFailedRule.Definition.Id)
            {
                config.Append("dotnet_diagnostic.").Append(rule.Id).Append(".severity = none\n");
            }
        }

        if (_packageInputs)
        {
            foreach (var (path, _) in _test.TestState.AdditionalFiles)
            {
                var kind = path.EndsWith(".dockerignore", StringComparison.Ordinal) ? "DockerIgnore"
                    : path.EndsWith("proj", StringComparison.Ordinal) ? "ProjectFile"
                    : path.EndsWith(".yml", StringComparison.Ordinal) || path.EndsWith(".yaml", StringComparison.Ordinal) ? "Compose"
                    : path.EndsWith(".json", StringComparison.Ordinal) ? "AppSettings"
                    : path.EndsWith("nuget.config", StringComparison.OrdinalIgnoreCase) ? "NuGetConfig"
                    : "Dockerfile";
                config.Append('[').Append(path).Append("]\nbuild_metadata.AdditionalFiles.ContainerAnalyzersKind = ").Append(kind).Append('\n');
            }
        }

        _test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", config.ToString()));
        return _test.RunAsync(CancellationToken.None);
    }

    private sealed class Test : CSharpAnalyzerTest<DockerfileAnalyzer, DefaultVerifier>
    {
        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers()
            => typeof(DiagnosticAnalyzer).IsAssignableFrom(typeof(TRule))
                ? new[] { (DiagnosticAnalyzer)Activator.CreateInstance(typeof(TRule))! }
                : new DiagnosticAnalyzer[] { new DockerfileAnalyzer() };
    }
}

/// <summary>The .NET 8 reference assemblies, from the package restored with the test project: no download at test time.</summary>
internal static class NetReferenceAssemblies
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> Net80Value = new(() =>
    {
        var packageRoot = typeof(NetReferenceAssemblies).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "NuGetPackageRoot").Value!;
        var folder = Path.Combine(packageRoot, "microsoft.netcore.app.ref", "8.0.0", "ref", "net8.0");
        return Directory.GetFiles(folder, "*.dll").Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    });

    /// <summary>No reference package at all, so the verifier has nothing to resolve from NuGet.</summary>
    public static ReferenceAssemblies None { get; } = new("net8.0");

    public static ImmutableArray<MetadataReference> Net80 => Net80Value.Value;
}
