using System.Xml.Linq;
using ContainerAnalyzers.Projects;
using ContainerAnalyzers.Rules;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules;

/// <summary>
/// Microsoft's official sample Dockerfiles (../shared/corpora/dotnet-docker-samples) are what good looks like:
/// every rule runs on every sample with its project, and no warning may come out.
/// </summary>
[TestFixture]
public sealed class DotnetDockerSamplesTests
{
    private const string Corpus = "dotnet-docker-samples";

    public static IEnumerable<string> Samples()
    {
        var root = TestPaths.FindCorpus(Corpus);
        return root is null
            ? new[] { "(corpus absent)" }
            : Directory.GetDirectories(root).Select(Path.GetFileName).OfType<string>().OrderBy(n => n, StringComparer.Ordinal).ToArray();
    }

    [TestCaseSource(nameof(Samples))]
    public void SampleRaisesNoWarning(string sample)
    {
        var folder = Path.Combine(TestPaths.RequireCorpus(Corpus), sample);
        var dockerfile = Directory.GetFiles(folder, "Dockerfile*").Single();
        var project = Directory.GetFiles(folder, "*.csproj").Single();

        var findings = AnalyzeSample(dockerfile, project);

        TestContext.Out.WriteLine($"{sample}: {(findings.Count == 0 ? "no diagnostics" : string.Join("; ", findings.Select(f => $"{f.Rule.Id} ({f.Severity}) {f.GetMessage()}")))}");
        Assert.That(findings.Where(f => f.Severity >= RuleSeverity.Warning).Select(f => f.Rule.Id + ": " + f.GetMessage()), Is.Empty);
    }

    internal static IReadOnlyList<RuleFinding> AnalyzeSample(string dockerfilePath, string projectPath)
    {
        var projectText = File.ReadAllText(projectPath);
        var properties = ReadProperties(projectPath, projectText);
        return EngineTest.ForProperties(properties).WithProject(projectPath, projectText).Analyze(File.ReadAllText(dockerfilePath));
    }

    // A small stand-in for MSBuild evaluation: the project's own properties, Directory.Build.props beside it,
    // and what the web SDK sets.
    private static Dictionary<string, string> ReadProperties(string projectPath, string projectText)
    {
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["MSBuildProjectName"] = Path.GetFileNameWithoutExtension(projectPath),
        };

        foreach (var file in new[] { Path.Combine(Path.GetDirectoryName(projectPath)!, "Directory.Build.props") }.Where(File.Exists).Append(projectPath))
        {
            var document = XDocument.Parse(file == projectPath ? projectText : File.ReadAllText(file));
            if ((string?)document.Root?.Attribute("Sdk") == "Microsoft.NET.Sdk.Web")
            {
                properties["UsingMicrosoftNETSdkWeb"] = "true";
            }

            foreach (var property in document.Descendants().Where(e => e.Parent?.Name.LocalName == "PropertyGroup"))
            {
                properties[property.Name.LocalName] = property.Value.Trim();
            }
        }

        return properties;
    }
}
