using ContainerAnalyzers.Compose;
using ContainerAnalyzers.Projects;
using ContainerAnalyzers.Rules;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Containers;

/// <summary>
/// CTR0060 against reality (issue 19): a .NET 10 web app, built from the Dockerfile the package's fix writes, with the
/// compose mapping the rule flags ("5000:80") and with the mapping its fix writes ("5000:8080"). Through the flagged
/// mapping's container port the request finds nothing listening; through the fixed one the app answers.
/// </summary>
[TestFixture]
[Category("Container")]
[NonParallelizable]
public sealed class ComposePortTests
{
    [Test]
    public void FlaggedMappingReachesNothing_FixedMappingAnswers()
    {
        var app = ContainerApp.Web();
        var project = ContainerWorkflow.WriteApp(app);
        var dockerfile = ContainerWorkflow.FixDockerfile(project, app.FixMode);
        var root = Path.GetDirectoryName(Path.GetDirectoryName(project))!;
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        var composePath = Path.Combine(root, "docker-compose.yml");
        var flagged = "services:\n  web:\n    build: ./Web\n    ports:\n      - \"5000:80\"\n";
        File.WriteAllText(composePath, flagged);

        // The package reports it in the build, located in the compose file.
        var build = ContainerWorkflow.DotnetBuild(project, "--no-incremental");
        Assert.That(build.Output, Does.Contain("docker-compose.yml(5,15): warning CTR0060"), build.Output);

        // The rule's own fix, computed by the engine on the same files.
        var finding = Analyze(project, dockerfile, composePath, flagged).Single(f => f.Rule.Id == "CTR0060");
        var fixedText = finding.Fixes.Single().ApplyTo(flagged)!;
        Assert.That(fixedText, Does.Contain("- \"5000:8080\""));
        File.WriteAllText(composePath, fixedText);
        var rebuilt = ContainerWorkflow.DotnetBuild(project, "--no-incremental", "-warnaserror");
        Assert.That(rebuilt.ExitCode, Is.Zero, rebuilt.Output);

        var tag = "localhost/containeranalyzers-test/compose-ports:" + Guid.NewGuid().ToString("N")[..8];
        var image = ContainerWorkflow.BuildImage(dockerfile, tag);
        Assert.That(image.ExitCode, Is.Zero, image.Output);
        try
        {
            var flaggedPort = ComposeFile.Parse(composePath, flagged).Services.Single().Ports.Single().ContainerPort!.Value;
            var fixedPort = ComposeFile.Parse(composePath, fixedText).Services.Single().Ports.Single().ContainerPort!.Value;
            var answers = ContainerSuite.Engine.ProbeContainerPorts(tag, flaggedPort, fixedPort);
            Assert.That(answers[fixedPort], Does.StartWith("HTTP/1.1 200").And.EndWith(app.Expected), "the fixed mapping's container port answers");
            Assert.That(answers[flaggedPort], Is.Null, "nothing listens on the flagged mapping's container port");
            ContainerSuite.Report("compose ports (CTR0060)", image.Duration, $"\"5000:{flaggedPort}\": no answer", $"\"5000:{fixedPort}\": HTTP 200", app.Expected);
        }
        finally
        {
            ContainerSuite.Engine.RemoveImage(tag);
        }
    }

    private static IReadOnlyList<RuleFinding> Analyze(string project, string dockerfile, string composePath, string compose)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["MSBuildProjectFullPath"] = project, ["TargetFramework"] = "net10.0", ["OutputType"] = "Exe", ["UsingMicrosoftNETSdkWeb"] = "true",
        };
        var facts = ProjectFacts.Create(p => properties.TryGetValue(p, out var v) ? v : null, project, File.ReadAllText(project));
        var analysis = new DockerfileAnalysis(DockerfileModel.Create(DockerfileParser.Parse(File.ReadAllText(dockerfile))), facts, CodeSource.None);
        var file = ComposeFile.Parse(composePath, compose);
        return ComposeRuleHost.Run(ComposeAnalysis.Create(file, new[] { file }, new Dictionary<string, DockerfileAnalysis> { [dockerfile] = analysis }, facts), AllRules.ComposeRules, CancellationToken.None);
    }
}
