using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Syntax;

/// <summary>
/// One word of an instruction: its span in the original text and its value as BuildKit's parser sees it
/// (line continuations and embedded comment lines removed, JSON strings decoded, quotes kept otherwise).
/// </summary>
public sealed class SyntaxToken
{
    public SyntaxToken(SourceSpan span, string value)
    {
        Span = span;
        Value = value;
    }

    public SourceSpan Span { get; }

    public string Value { get; }

    public override string ToString() => Value;
}

/// <summary>A builder flag such as <c>--from=build</c> or <c>--platform=$BUILDPLATFORM</c>.</summary>
public sealed class FlagSyntax
{
    public FlagSyntax(SourceSpan span, string text, SourceSpan valueSpan)
    {
        Span = span;
        Text = text;
        var body = text.StartsWith("--", System.StringComparison.Ordinal) ? text.Substring(2) : text;
        var equals = body.IndexOf('=');
        Name = equals < 0 ? body : body.Substring(0, equals);
        Value = equals < 0 ? null : body.Substring(equals + 1);
        ValueSpan = valueSpan;
    }

    /// <summary>A flag whose name and value the parser has already read (and shares with equal flags).</summary>
    internal FlagSyntax(SourceSpan span, string text, string name, string? value, SourceSpan valueSpan)
    {
        Span = span;
        Text = text;
        Name = name;
        Value = value;
        ValueSpan = valueSpan;
    }

    public SourceSpan Span { get; }

    /// <summary>The flag as BuildKit reports it, for example <c>--from=build</c>.</summary>
    public string Text { get; }

    /// <summary>The flag's name without dashes, for example <c>from</c>.</summary>
    public string Name { get; }

    /// <summary>The value after '=', or null for a bare flag such as <c>--link</c>.</summary>
    public string? Value { get; }

    public SourceSpan ValueSpan { get; }

    public override string ToString() => Text;
}

/// <summary>A here-document attached to RUN, COPY or ADD: <c>&lt;&lt;EOF</c> … <c>EOF</c>.</summary>
public sealed class HeredocSyntax
{
    public HeredocSyntax(string name, bool chomp, bool expand, int fileDescriptor, string content, SourceSpan bodySpan, SourceSpan terminatorSpan, bool isTerminated)
    {
        Name = name;
        Chomp = chomp;
        Expand = expand;
        FileDescriptor = fileDescriptor;
        Content = content;
        BodySpan = bodySpan;
        TerminatorSpan = terminatorSpan;
        IsTerminated = isTerminated;
    }

    public string Name { get; }

    /// <summary>True for <c>&lt;&lt;-EOF</c>, which strips leading tabs.</summary>
    public bool Chomp { get; }

    /// <summary>False when the delimiter was quoted, which turns off variable expansion in the body.</summary>
    public bool Expand { get; }

    public int FileDescriptor { get; }

    public string Content { get; }

    public SourceSpan BodySpan { get; }

    public SourceSpan TerminatorSpan { get; }

    public bool IsTerminated { get; }
}

/// <summary>A parser directive at the top of the file, for example <c># syntax=docker/dockerfile:1</c>.</summary>
public sealed class ParserDirectiveSyntax
{
    public ParserDirectiveSyntax(SourceSpan span, string name, string value)
    {
        Span = span;
        Name = name;
        Value = value;
    }

    public SourceSpan Span { get; }

    /// <summary>Lower-cased: <c>syntax</c>, <c>escape</c> or <c>check</c>.</summary>
    public string Name { get; }

    public string Value { get; }
}

/// <summary>A problem the parser found. Parsing never throws; it reports these and carries on.</summary>
public sealed class SyntaxDiagnostic
{
    public SyntaxDiagnostic(SourceSpan span, string message)
    {
        Span = span;
        Message = message;
    }

    public SourceSpan Span { get; }

    public string Message { get; }

    public override string ToString() => $"{Span}: {Message}";
}
