using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ContainerAnalyzers.Compose;
using ContainerAnalyzers.Rules.Shared;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0061: the compose side of CTR0030/CTR0032. A service that runs the project's image on a shell-less (chiseled or
/// distroless) image has a health check that needs a shell (the string form, <c>CMD-SHELL</c>), or a health check,
/// entry point or command that starts a tool the image lacks (curl, wget, a shell…).
/// </summary>
public sealed class CTR0061ComposeCommandNotInImageRule : ComposeRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0061",
        "Compose command needs a shell or tool the image lacks",
        "The {0} of service '{1}' needs {2}, which the image '{3}' does not have",
        RuleCategories.Runtime,
        RuleSeverity.Warning,
        "Chiseled and distroless images have no shell and no curl or wget. A compose health check in string or CMD-SHELL form runs /bin/sh; one that calls curl fails; the service then never becomes healthy.")
    {
        Inputs = RuleInputs.Compose,
    };

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(ComposeAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        foreach (var service in analysis.Services)
        {
            if (service.Stage is { } withShell && ShellAvailability.HasShell(withShell) == true && withShell.RootImage is { } fullImage)
            {
                CheckHealthCheckTool(service, withShell, fullImage, findings);
                continue;
            }

            if (service.Stage is not { } stage || ShellAvailability.HasShell(stage) != false || ShellAvailability.DeclaresShell(stage) || stage.RootImage is not { } image)
            {
                continue;
            }

            var name = service.Service.Name;
            if (!service.Service.HealthcheckDisabled && service.Service.HealthcheckTest is { Words.Count: > 0 } test)
            {
                var first = test.Words[0];
                if (test.IsString || first.Value == "CMD-SHELL")
                {
                    findings.Add(Report(first.Location, "health check", name, "a shell (the string and CMD-SHELL forms run /bin/sh -c)", image.Original));
                }
                else if (first.Value == "CMD" && test.Words.Count > 1)
                {
                    CheckProgram(test.Words[1], "health check");
                }
            }

            // The program the container starts: compose's entrypoint, else the command when the image has no ENTRYPOINT.
            var program = service.Service.Entrypoint ?? (StageFacts.Last(stage, InstructionKind.Entrypoint) is null ? service.Service.Command : null);
            if (program is { Words.Count: > 0 })
            {
                var what = program == service.Service.Entrypoint ? "entrypoint" : "command";
                if (program.IsString)
                {
                    if (program.Arguments.FirstOrDefault() is { } word && ShellAvailability.MissingTool(stage, word) is { } missing)
                    {
                        findings.Add(Report(program.Words[0].Location, what, name, $"'{word}' ({missing.Kind})", image.Original));
                    }
                }
                else
                {
                    CheckProgram(program.Words[0], what);
                }
            }

            void CheckProgram(ComposeValue word, string what)
            {
                if (ShellAvailability.MissingTool(stage, word.Value) is { } missing)
                {
                    findings.Add(Report(word.Location, what, name, $"'{word.Value}' ({missing.Kind})", image.Original));
                }
            }
        }
    }

    // An image with a shell can still lack the tool a health check calls: the .NET runtime images on Debian and Ubuntu
    // have neither curl nor wget (issue 27), so `curl -f http://localhost:8080/healthz` never passes.
    private static void CheckHealthCheckTool(ProjectService service, Stage stage, Images.ImageReference image, List<RuleFinding> findings)
    {
        if (service.Service.HealthcheckDisabled || service.Service.HealthcheckTest is not { Words.Count: > 0 } test)
        {
            return;
        }

        var first = test.Words[0];
        var (word, program) = test.IsString ? (first, FirstWord(first.Value))
            : first.Value == "CMD-SHELL" && test.Words.Count > 1 ? (test.Words[1], FirstWord(test.Words[1].Value))
            : first.Value == "CMD" && test.Words.Count > 1 ? (test.Words[1], test.Words[1].Value)
            : (first, null);
        if (program is not null && ShellAvailability.MissingHttpTool(stage, program) is { } tool)
        {
            findings.Add(Report(word.Location, "health check", service.Service.Name, $"'{tool}' (the image installs no {tool}, and the Dockerfile does not add it)", image.Original));
        }

        static string? FirstWord(string command)
        {
            var words = command.Split(new[] { ' ', '\t', '\n' }, System.StringSplitOptions.RemoveEmptyEntries);
            return words.Length > 0 ? words[0] : null;
        }
    }

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(ComposeLocation location, string what, string service, string needs, string image)
        => new(Definition, location.Span, new[] { what, service, needs, image }) { File = location.File };
}
