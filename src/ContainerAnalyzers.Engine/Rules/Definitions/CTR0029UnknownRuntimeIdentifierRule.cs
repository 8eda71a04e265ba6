using System;
using System.Collections.Generic;
using System.Threading;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0029: a <c>dotnet restore|build|publish</c> in the Dockerfile names a runtime identifier the SDK does not know
/// (<c>-r linux-amd64</c>, Docker's architecture name where .NET says <c>x64</c>): the command fails with NETSDK1083.
/// Only the portable operating systems are judged, and only their architecture part, so distribution-specific RIDs and
/// platforms this list does not cover are left alone.
/// </summary>
public sealed class CTR0029UnknownRuntimeIdentifierRule : DockerfileRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0029",
        "Unknown runtime identifier",
        "'{0}' is not a runtime identifier the .NET SDK knows, so 'dotnet {1}' fails with NETSDK1083; {2}",
        RuleCategories.Compatibility,
        RuleSeverity.Warning,
        "The SDK resolves -r/--runtime and RuntimeIdentifier against its portable RID graph: linux-x64, linux-musl-arm64, win-x64… Docker's architecture names (amd64, aarch64) are not RIDs.")
    {
        FixKind = RuleFixKind.Edit,
    };

    public override RuleDescriptor Descriptor => Definition;

    private static readonly string[] OperatingSystems = { "linux-musl", "linux-bionic", "linux", "win", "osx", "freebsd" };

    private static readonly HashSet<string> Architectures = new(StringComparer.Ordinal)
    {
        "x64", "x86", "arm", "arm64", "armel", "armv6", "ppc64le", "s390x", "loongarch64", "riscv64", "mips64",
    };

    // What people write instead, and the RID architecture they mean.
    private static readonly Dictionary<string, string> Mistakes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["amd64"] = "x64", ["x86_64"] = "x64", ["x86-64"] = "x64", ["aarch64"] = "arm64", ["arm64v8"] = "arm64",
        ["armv7"] = "arm", ["arm32v7"] = "arm", ["armhf"] = "arm", ["armv7l"] = "arm", ["i386"] = "x86", ["i686"] = "x86", ["386"] = "x86",
    };

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        var tree = analysis.Model.Syntax;
        foreach (var command in analysis.Model.DotnetRunCommands)
        {
            if (command.Verb is not ("restore" or "build" or "publish")
                || (command.GetOption("-r", "--runtime") ?? command.GetProperty("RuntimeIdentifier")) is not { } rid
                || rid.IndexOf('$') >= 0
                || Unknown(rid) is not { } advice)
            {
                continue;
            }

            findings.Add(Report(command.Instruction.Span, rid, command.Verb, advice.Text).With(fixes: Replace(tree, command.Instruction, rid, advice.Suggested)));
        }
    }

    /// <summary>Why a RID is unknown and what it should be; null when it is known, or not one this rule judges.</summary>
    private static (string Text, string? Suggested)? Unknown(string rid)
    {
        foreach (var os in OperatingSystems)
        {
            if (rid.Length <= os.Length + 1 || !rid.StartsWith(os + "-", StringComparison.Ordinal))
            {
                continue;
            }

            var architecture = rid.Substring(os.Length + 1);
            if (Architectures.Contains(architecture) || architecture.IndexOf('.') >= 0 || (os == "linux" && architecture.StartsWith("musl", StringComparison.Ordinal)) || (os == "linux" && architecture.StartsWith("bionic", StringComparison.Ordinal)))
            {
                return null;
            }

            return Mistakes.TryGetValue(architecture, out var meant)
                ? ($"use '{os}-{meant}'", os + "-" + meant)
                : ($"'{architecture}' is not a .NET architecture (x64, x86, arm, arm64…)", null);
        }

        return null;
    }

    // The RID written once, literally, in a single-line instruction: replace it there.
    private static IReadOnlyList<RuleFix> Replace(DockerfileSyntaxTree tree, InstructionSyntax instruction, string rid, string? suggested)
    {
        var text = tree.GetText(instruction.Span);
        var at = text.IndexOf(rid, StringComparison.Ordinal);
        if (suggested is null || at < 0 || text.IndexOf(rid, at + rid.Length, StringComparison.Ordinal) >= 0 || text.IndexOf('\n') >= 0)
        {
            return Array.Empty<RuleFix>();
        }

        return new[] { new RuleFix($"Use {suggested}", RuleFixTarget.Dockerfile, new SourceSpan(instruction.Span.Start + at, rid.Length), rid, suggested) };
    }

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string runtimeIdentifier, string verb, string advice)
        => new(Definition, span, new[] { runtimeIdentifier, verb, advice });
}
