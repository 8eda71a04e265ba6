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

/// <summary>How a rule's findings are fixed: which code-fix provider offers the fix, and whether FixDockerfile applies it.</summary>
public enum RuleFixKind
{
    /// <summary>No fix of its own (the suppression comment is offered for every Dockerfile and compose rule).</summary>
    None,

    /// <summary>
    /// The finding carries its edits (<see cref="RuleFinding.Fixes"/>): the IDE offers them, and FixDockerfile's default
    /// mode applies the first one of each warning, checked by every rule before it is written.
    /// </summary>
    Edit,

    /// <summary>
    /// The finding carries edits the IDE offers but FixDockerfile leaves to the user: they change what the app may do
    /// (CTR0033's USER may stop an app that writes to its folder) or are advice (the informational rules).
    /// </summary>
    EditByChoice,

    /// <summary>The Dockerfile generator rewrites the file (CTR0001, CTR0002, and CTR0009 that mirrors them in code), on every road.</summary>
    Rewrite,

    /// <summary>The fix adds a file the project lacks: a Dockerfile (CTR0003) or a .dockerignore (CTR0042).</summary>
    NewFile,
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

    /// <summary>How the rule's findings are fixed; the code-fix providers and FixDockerfile read it, no list is kept by hand.</summary>
    public RuleFixKind FixKind { get; init; } = RuleFixKind.None;

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
