using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Containers;

/// <summary>
/// Each kind of project the fixes support, taken from a bad single-stage SDK Dockerfile through the headless fix
/// (`dotnet build -t:FixDockerfile`) to an image that is built, run and inspected: a web app answers HTTP 200 on
/// 127.0.0.1, a console app prints its line and exits 0, and the final image has no shell and no SDK and runs as
/// uid 1654.
/// </summary>
[TestFixture]
[Category("Container")]
[NonParallelizable]
public sealed class GeneratedImageTests
{
    private static IEnumerable<string> Kinds() => ContainerApp.All().Select(app => app.Kind);

    [TestCaseSource(nameof(Kinds))]
    public void FixedDockerfileBuildsAndRuns(string kind)
    {
        var app = ContainerApp.All().Single(a => a.Kind == kind);
        var project = ContainerWorkflow.WriteApp(app);
        var dockerfile = ContainerWorkflow.FixDockerfile(project, app.FixMode);
        var tag = "localhost/containeranalyzers-test/" + Path.GetFileNameWithoutExtension(project).ToLowerInvariant() + ":" + Guid.NewGuid().ToString("N")[..8];

        var build = ContainerWorkflow.BuildImage(dockerfile, tag);
        Assert.That(build.ExitCode, Is.Zero, "the fixed Dockerfile does not build:\n" + File.ReadAllText(dockerfile) + "\n" + build.Output);
        try
        {
            string result;
            if (app.IsWeb)
            {
                var (status, body, userId, logs) = ContainerWorkflow.ProbeWeb(tag);
                Assert.That(status, Is.EqualTo(200), logs);
                Assert.That(body, Is.EqualTo(app.Expected), logs);
                if (userId is not null)
                {
                    Assert.That(userId, Is.EqualTo(1654), "the app's process runs as");
                }

                result = $"HTTP {status} \"{body}\"" + (userId is null ? string.Empty : $", uid {userId}");
            }
            else
            {
                var run = ContainerSuite.Engine.RunToCompletion(tag);
                Assert.That(run.ExitCode, Is.Zero, run.Output);
                Assert.That(run.Output, Does.Contain(app.Expected), run.Output);
                result = $"exit {run.ExitCode}, printed \"{app.Expected}\"";
            }

            ContainerWorkflow.AssertDistroless(tag);
            var builder = ContainerWorkflow.GetBuilderImage(dockerfile);
            var builderSize = ContainerSuite.Engine.GetImageSize(builder);
            var finalSize = ContainerSuite.Engine.GetImageSize(tag);
            var final = File.ReadLines(dockerfile).Last(l => l.StartsWith("FROM ", StringComparison.OrdinalIgnoreCase)).Split(' ')[1];
            ContainerSuite.Report(app.Kind, build.Duration, $"{builder} {ContainerSuite.FormatSize(builderSize)}", $"{final} {ContainerSuite.FormatSize(finalSize)} ({100.0 * finalSize / builderSize:0}% of the SDK)", result);
            Assert.That(finalSize, Is.LessThan(builderSize / 4), "the final image should be a small fraction of the SDK image");
        }
        finally
        {
            ContainerSuite.Engine.RemoveImage(tag);
        }
    }
}
