using System.Collections.Generic;
using System.Threading;
using ContainerAnalyzers.Compose;
using ContainerAnalyzers.Images;
using ContainerAnalyzers.Semantics;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0062: a service of the project runs <c>dotnet run</c> or <c>dotnet watch</c>. On an image without the SDK it
/// cannot start (warning); on the SDK image it compiles at every start and ships the SDK (info), except in a
/// development file (<c>*.override.*</c>, <c>compose.dev.*</c>), where that is the point.
/// </summary>
public sealed class CTR0062ComposeRunsDotnetRunRule : ComposeRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0062",
        "Compose service runs dotnet run or dotnet watch",
        "Service '{0}' runs 'dotnet {1}': {2}",
        RuleCategories.Runtime,
        RuleSeverity.Warning,
        "'dotnet run' and 'dotnet watch' need the SDK and the sources: on a runtime image the container cannot start; on the SDK image it builds the app at every start. Run the published app instead, and keep 'dotnet watch' to a development override file.")
    {
        Inputs = RuleInputs.Compose,
    };

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(ComposeAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        foreach (var service in analysis.Services)
        {
            if (service.Image is not { IsDotnetFramework: false } image)
            {
                continue;
            }

            foreach (var command in new[] { service.Service.Entrypoint, service.Service.Command })
            {
                if (command is null || Verb(command) is not { } verb)
                {
                    continue;
                }

                var location = command.Words[0].Location;
                if (image.Kind != DotnetImageKind.Sdk)
                {
                    findings.Add(Report(location, service.Service.Name, verb, $"the image '{service.Stage!.RootImage!.Original}' has no SDK, so the container cannot start"));
                }
                else if (!ComposeFile.IsDevelopmentFileName(command.Location.File))
                {
                    findings.Add(Report(location, service.Service.Name, verb, "the container builds the app at every start and ships the SDK; run the published app, and keep this to a development override").With(severity: RuleSeverity.Info));
                }

                break;
            }
        }
    }

    /// <summary>"run" or "watch" when the words run <c>dotnet run</c>/<c>dotnet watch</c>, also inside <c>sh -c "…"</c>.</summary>
    private static string? Verb(ComposeCommand command)
    {
        var arguments = command.Arguments;
        if (arguments.Count == 0)
        {
            return null;
        }

        // sh -c "script": the script's commands, split as the engine splits any shell text. Otherwise the program and
        // its first argument.
        var program = arguments[0].Substring(arguments[0].LastIndexOf('/') + 1);
        var commands = program is "sh" or "bash" or "ash" or "dash" && arguments.Count > 2 && arguments[1] == "-c"
            ? DotnetCommandLine.SplitCommands(arguments[2])
            : new[] { arguments };
        foreach (var words in commands)
        {
            if (words.Count > 1 && DotnetCommandLine.IsDotnetExecutable(words[0]) && words[1] is "run" or "watch")
            {
                return words[1];
            }
        }

        return null;
    }

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(ComposeLocation location, string service, string verb, string why)
        => new(Definition, location.Span, new[] { service, verb, why }) { File = location.File };
}
