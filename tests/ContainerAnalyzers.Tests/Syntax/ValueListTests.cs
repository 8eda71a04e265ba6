using System;
using System.Linq;
using ContainerAnalyzers.Text;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Syntax;

/// <summary>
/// The parsers' list of the package's own structs (precompiled, unlike List of a struct): it keeps every item in
/// order across growth, refuses an index past its end, and works as a stack.
/// </summary>
[TestFixture]
public sealed class ValueListTests
{
    [TestCase(1, 0)]
    [TestCase(1, 1)]
    [TestCase(4, 5)]
    [TestCase(16, 1000)]
    public void Keeps_every_item_in_order_across_growth(int capacity, int count)
    {
        var list = new ValueList<SourceSpan>(capacity);
        for (var i = 0; i < count; i++)
        {
            list.Add(new SourceSpan(i, 1));
        }

        Assert.That(list.Count, Is.EqualTo(count));
        Assert.That(Enumerable.Range(0, count).Select(i => list[i].Start), Is.EqualTo(Enumerable.Range(0, count)));
        Assert.That(list.Select(s => s.Length), Is.EqualTo(Enumerable.Repeat(1, count)));
    }

    [Test]
    public void Refuses_an_index_past_the_items_even_within_capacity()
    {
        var list = new ValueList<SourceSpan>(8);
        list.Add(new SourceSpan(3, 1));

        Assert.That(list[0].Start, Is.EqualTo(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = list[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = list[-1]);
    }

    [Test]
    public void Removes_the_last_item_first_and_refuses_when_empty()
    {
        var list = new ValueList<int>();
        list.Add(1);
        list.Add(2);

        Assert.That(list.RemoveLast(), Is.EqualTo(2));
        list.Add(3);
        Assert.That(list.RemoveLast(), Is.EqualTo(3));
        Assert.That(list.RemoveLast(), Is.EqualTo(1));
        Assert.That(list.Count, Is.Zero);
        Assert.Throws<InvalidOperationException>(() => list.RemoveLast());
    }
}
