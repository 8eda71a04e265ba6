using ContainerAnalyzers.Fixes;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Fixes;

/// <summary>The fix generator's text edits: applied in position order, and never dropped silently.</summary>
[TestFixture]
public sealed class TextEditTests
{
    [Test]
    public void AppliesEditsInPositionOrder()
        => Assert.That(TextEdit.Apply("FROM a\nRUN b\n", new[] { new TextEdit(11, 1, "c"), new TextEdit(6, 0, " AS x"), new TextEdit(5, 1, "z") }), Is.EqualTo("FROM z AS x\nRUN c\n"));

    [Test]
    public void InsertionsAtOnePositionKeepTheirOrder()
        => Assert.That(TextEdit.Apply("ab", new[] { new TextEdit(1, 0, "1"), new TextEdit(1, 0, "2") }), Is.EqualTo("a12b"));

    [Test]
    public void OverlappingEditsAreABug()
        => Assert.Throws<InvalidOperationException>(() => TextEdit.Apply("FROM a AS b\n", new[] { new TextEdit(5, 6, "x"), new TextEdit(10, 1, "y") }));

    [Test]
    public void AnEditPastTheEndIsABug()
        => Assert.Throws<InvalidOperationException>(() => TextEdit.Apply("FROM a\n", new[] { new TextEdit(6, 5, "x") }));
}
