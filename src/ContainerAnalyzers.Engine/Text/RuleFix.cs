namespace ContainerAnalyzers.Text;

/// <summary>Which file a fix edits.</summary>
public enum RuleFixTarget
{
    Dockerfile,
    ProjectFile,

    /// <summary>The compose file the finding is located in.</summary>
    ComposeFile,
}

/// <summary>
/// One code fix as a single text replacement: the engine computes it, every host applies it the same way. The
/// old text is recorded so a host can refuse to apply a fix to a file that changed since it was computed.
/// </summary>
public sealed class RuleFix
{
    public RuleFix(string title, RuleFixTarget target, SourceSpan span, string oldText, string newText)
    {
        Title = title;
        Target = target;
        Span = span;
        OldText = oldText;
        NewText = newText;
    }

    public string Title { get; }

    public RuleFixTarget Target { get; }

    public SourceSpan Span { get; }

    public string OldText { get; }

    public string NewText { get; }

    /// <summary>Applies the edit to the text it was computed on; null when that text has changed.</summary>
    public string? ApplyTo(string text)
    {
        if (Span.Start < 0 || Span.End > text.Length || string.CompareOrdinal(text, Span.Start, OldText, 0, Span.Length) != 0 || OldText.Length != Span.Length)
        {
            return null;
        }

        return text.Substring(0, Span.Start) + NewText + text.Substring(Span.End);
    }
}
