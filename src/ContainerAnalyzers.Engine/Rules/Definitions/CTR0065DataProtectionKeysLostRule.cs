using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using ContainerAnalyzers.Compose;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0065: the app protects its cookies with Data Protection (cookie or Identity authentication, sessions,
/// AddDataProtection) and does not persist the keys itself, and its
/// compose service keeps them only in the container: no volume at the key folder. Each new container then makes new
/// keys, and every cookie from before a redeploy is rejected (users are signed out, sessions lost); with more than one
/// replica, a cookie one replica issued is rejected by the others (a warning). Only where the compose file shows how the container runs.
/// </summary>
public sealed class CTR0065DataProtectionKeysLostRule : ComposeRule
{
    private const string KeyFolderOfApp = "/home/app/.aspnet/DataProtection-Keys";
    private const string KeyFolderOfRoot = "/root/.aspnet/DataProtection-Keys";

    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0065",
        "Data Protection keys do not outlive the container",
        "Service '{0}' keeps the app's Data Protection keys, which protect the cookies of its {1}, only inside its container, in {2}: {3}; mount a volume at {2}, or persist the keys to a shared store (PersistKeysTo…)",
        RuleCategories.Runtime,
        RuleSeverity.Info,
        "ASP.NET Core keeps its Data Protection keys in the user's home folder unless the code persists them elsewhere. In a container without a volume there, each new container makes new keys: after a redeploy every authentication and session cookie is rejected, and replicas reject each other's.")
    {
        Inputs = RuleInputs.Compose,
    };

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(ComposeAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        foreach (var service in analysis.Services)
        {
            var dockerfile = service.Dockerfile;
            if (!dockerfile.Project.IsWeb || !dockerfile.BuildsThisApp || service.SettingsElsewhere || service.Service.HasVolumesFromElsewhere
                || service.Stage is not { } stage || KeyFolder(service, stage) is not { } keyFolder)
            {
                continue;
            }

            // A mount whose target cannot be read may be the key folder; a VOLUME of the image keeps it across recreations.
            // Both are read before the code is searched, which costs a pass over every C# file.
            if (service.Service.MountsOver(keyFolder)
                || stage.Lineage.SelectMany(s => s.Instructions).Any(i => FolderOwnership.VolumeCovers(i, keyFolder))
                || dockerfile.Source.DataProtectionUse is not { } call || Use(call) is not { } use)
            {
                continue;
            }

            if (service.Service.Replicas is { } replicas && int.TryParse(replicas.Resolved, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 1)
            {
                findings.Add(Report(replicas.Location, service.Service.Name, use, keyFolder, $"each of its {count} replicas makes its own keys, so a cookie one replica issued is rejected by the others")
                    .With(severity: RuleSeverity.Warning));
                continue;
            }

            findings.Add(Report(service.Service.Location, service.Service.Name, use, keyFolder, "each new container of the service makes new keys, so after a redeploy every cookie issued before it is rejected (users are signed out, sessions lost)"));
        }
    }

    // What the call issues, for the message.
    private static string? Use(string call) => call switch
    {
        "AddCookie" => "cookie authentication (AddCookie)",
        "AddIdentity" or "AddDefaultIdentity" => $"ASP.NET Core Identity ({call})",
        "AddSession" => "sessions (AddSession)",
        "AddDataProtection" => "own use of Data Protection (AddDataProtection)",
        _ => null,
    };

    // Where ASP.NET Core keeps the keys: $HOME/.aspnet/DataProtection-Keys of the user the container runs as (the
    // image's app user or root, by the compose user:, the last USER, or the image). Null when the user or HOME is not certain.
    private static string? KeyFolder(ProjectService service, Stage stage)
    {
        if (service.Service.Environment.ContainsKey("HOME") || StageFacts.GetEnvironment(stage, "HOME") is not null)
        {
            return null;
        }

        return StageFacts.RunningAccount(stage, service.Image, service.Service.User) switch
        {
            "app" => KeyFolderOfApp,
            { } account when StageFacts.IsRoot(account) => KeyFolderOfRoot,
            _ => null,
        };
    }

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(ComposeLocation location, string service, string use, string keyFolder, string consequence)
        => new(Definition, location.Span, new[] { service, use, keyFolder, consequence }) { File = location.File };
}
