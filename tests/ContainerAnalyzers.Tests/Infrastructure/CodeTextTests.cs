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

    [Test]
    public void EmptyTextMentionsNothing() => Assert.That(CodeText.ContainsAny(SourceText.From(string.Empty), new[] { "Urls" }), Is.False);
}
