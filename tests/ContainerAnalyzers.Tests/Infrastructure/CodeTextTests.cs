using ContainerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis.Text;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Infrastructure;

/// <summary>Issue 26: the code searches read each file's text in chunks; a word is found wherever it lies, chunk ends included.</summary>
[TestFixture]
public sealed class CodeTextTests
{
    [TestCase(0)]
    [TestCase(16 * 1024 - 3)]
    [TestCase(16 * 1024 - 6)]
    [TestCase(16 * 1024)]
    [TestCase(40 * 1024 + 7)]
    public void FindsAWordAtEveryOffset(int offset)
    {
        var text = new string(' ', offset) + "builder.WebHost.UseUrls(\"http://+:5000\");" + new string(' ', 100);
        Assert.That(CodeText.ContainsAny(SourceText.From(text), new[] { "Kestrel", "UseUrls" }), Is.True);
        Assert.That(CodeText.ContainsAny(SourceText.From(text), new[] { "Kestrel", "ListenAnyIP" }), Is.False);
    }

    // A word anchored on a capital that is not its first character (".Run(" on 'R'), at a chunk's start and end.
    [TestCase(0)]
    [TestCase(16 * 1024 - 2)]
    [TestCase(16 * 1024 - 5)]
    [TestCase(16 * 1024 + 1)]
    public void FindsAWordAnchoredInsideIt(int offset)
    {
        var words = new[] { "Listen", "Urls", ".Run(", "UseSetting", "ASPNETCORE_", "Kestrel" };
        Assert.That(CodeText.ContainsAny(SourceText.From(new string('x', offset) + "app.Run(\"http://+:80\");"), words), Is.True);
        Assert.That(CodeText.ContainsAny(SourceText.From(new string('x', offset) + "app.Run();"), words), Is.True);
        Assert.That(CodeText.ContainsAny(SourceText.From(new string('x', offset) + "app.Runner(); Run(x); Lis ten U rls"), words), Is.False);
    }

    // More anchor letters than one vectorized pass takes, and words with no capital at all.
    [Test]
    public void ManyAnchorsAndLowerCaseWords()
    {
        var words = new[] { "Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "golf" };
        Assert.That(CodeText.ContainsAny(SourceText.From("var x = Foxtrot;"), words), Is.True);
        Assert.That(CodeText.ContainsAny(SourceText.From("mini golf"), words), Is.True);
        Assert.That(CodeText.ContainsAny(SourceText.From("alpha bravo Golf"), words), Is.False);
        Assert.That(CodeText.ContainsAny(SourceText.From("a golf"), new[] { "golf" }), Is.True);
    }

    [Test]
    public void EmptyTextMentionsNothing() => Assert.That(CodeText.ContainsAny(SourceText.From(string.Empty), new[] { "Urls" }), Is.False);
}
