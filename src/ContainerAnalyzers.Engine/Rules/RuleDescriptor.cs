using System;
using System.Collections.Generic;

namespace ContainerAnalyzers.Rules;

public enum RuleSeverity
{
    Hidden,
    Info,
    Warning,
    Error,
}

/// <summary>What a rule runs on: the host reads it to decide which files to hand the rule.</summary>
[Flags]
public enum RuleInputs
{
    /// <summary>Each Dockerfile of the project.</summary>
    Dockerfile = 1,

    /// <summary>The project file alone (CTR0003: a project without a Dockerfile).</summary>
    ProjectFile = 2,

    /// <summary>
    /// The Dockerfile that a project without one amounts to when it publishes with the SDK's container support
    /// (ContainerBaseImage, ContainerFamily…): the rule judges that image and reports on the project file.
    /// </summary>
    SdkContainerImage = 4,

    /// <summary>The program's C# code (CTR0009: the Dockerfile fix offered from code).</summary>
    Code = 8,

    /// <summary>Each compose file that the package hands over (found from the Dockerfile's folder up to the repository root).</summary>
    Compose = 16,
}

/// <summary>
/// One row of the rule table: a rule's identity, texts and metadata, declared once in the rule's own class. The
/// analyzer host, the Roslyn descriptors, the presets, the suppression equivalents and the docs all read it.
/// </summary>
public sealed class RuleDescriptor
{
    private static readonly string[] None = Array.Empty<string>();
    private IReadOnlyList<string>? _suppressionKeys;

    internal RuleDescriptor(string id, string title, string messageFormat, string category, RuleSeverity defaultSeverity, string description)
    {
        Id = id;
        Title = title;
        MessageFormat = messageFormat;
        Category = category;
        DefaultSeverity = defaultSeverity;
        Description = description;
    }

    public string Id { get; }

    public string Title { get; }

    /// <summary>A composite format string; each rule's typed Report method supplies its arguments.</summary>
    public string MessageFormat { get; }

    public string Category { get; }

    public RuleSeverity DefaultSeverity { get; }

    public string Description { get; }

    public string HelpLinkUri => RuleIds.GetHelpUri(Id);

    /// <summary>The files the rule runs on.</summary>
    public RuleInputs Inputs { get; init; } = RuleInputs.Dockerfile;

    /// <summary>hadolint codes that are the same check: <c># hadolint ignore=</c> comments for them suppress this rule.</summary>
    public IReadOnlyList<string> HadolintEquivalents { get; init; } = None;

    /// <summary>BuildKit build checks that are the same check: <c># check=skip=</c> for them suppresses this rule.</summary>
    public IReadOnlyList<string> BuildKitEquivalents { get; init; } = None;

    /// <summary>Raised to a warning by the Recommended analysis mode (the preset's .globalconfig is generated from this).</summary>
    public bool Recommended { get; init; }

    /// <summary>
    /// The keys a suppression comment may name this rule by: its id, <c>hadolint:DLxxxx</c> for each hadolint
    /// equivalent, <c>buildkit:Name</c> for each BuildKit equivalent (and <c>buildkit:all</c> when it has one).
    /// </summary>
    public IReadOnlyList<string> SuppressionKeys => _suppressionKeys ??= CreateSuppressionKeys();

    public override string ToString() => Id;

    private IReadOnlyList<string> CreateSuppressionKeys()
    {
        var keys = new List<string> { Id };
        foreach (var code in HadolintEquivalents)
        {
            keys.Add(Semantics.Suppressions.HadolintKey(code));
        }

        foreach (var check in BuildKitEquivalents)
        {
            keys.Add(Semantics.Suppressions.BuildKitKey(check));
        }

        if (BuildKitEquivalents.Count > 0)
        {
            keys.Add(Semantics.Suppressions.BuildKitKey("all"));
        }

        return keys.ToArray();
    }
}
