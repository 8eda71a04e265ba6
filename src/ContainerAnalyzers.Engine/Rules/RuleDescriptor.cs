namespace ContainerAnalyzers.Rules;

public enum RuleSeverity
{
    Hidden,
    Info,
    Warning,
    Error,
}

/// <summary>A rule's identity and texts. The analyzers turn each into one Roslyn DiagnosticDescriptor.</summary>
public sealed class RuleDescriptor
{
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

    /// <summary>A composite format string; each rule's Report method supplies its arguments.</summary>
    public string MessageFormat { get; }

    public string Category { get; }

    public RuleSeverity DefaultSeverity { get; }

    public string Description { get; }

    public string HelpLinkUri => RuleIds.GetHelpUri(Id);

    public override string ToString() => Id;
}
