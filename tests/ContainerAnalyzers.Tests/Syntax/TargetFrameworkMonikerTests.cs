using System.Collections.Generic;
using System.Linq;
using ContainerAnalyzers.Projects;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Syntax;

/// <summary>
/// The highest framework of a list, found by a loop (LINQ over int? keys is JIT-compiled in a fresh compiler): the same
/// answer as ordering by major, then minor version, and taking the last, for every order of a mixed list.
/// </summary>
[TestFixture]
public sealed class TargetFrameworkMonikerTests
{
    private static readonly string[] Names = { "net8.0", "net10.0", "netstandard2.0", "net48", "net8.0-windows", "netcoreapp3.1", "net10.0-android", "net9.0" };

    [Test]
    public void Highest_agrees_with_ordering_by_version_for_every_order_and_subset()
    {
        var checkedLists = 0;
        foreach (var subset in Subsets(Names.Length))
        {
            foreach (var order in Permutations(subset).Take(24))
            {
                var frameworks = order.Select(i => TargetFrameworkMoniker.Parse(Names[i])).ToList();
                var expected = frameworks.Where(t => t.Major is not null).OrderBy(t => t.Major).ThenBy(t => t.Minor).LastOrDefault();

                Assert.That(TargetFrameworkMoniker.Highest(frameworks), Is.SameAs(expected), string.Join(";", frameworks));
                checkedLists++;
            }
        }

        Assert.That(checkedLists, Is.GreaterThan(1000));
    }

    [Test]
    public void Highest_of_none_or_of_frameworks_without_a_version_is_null()
    {
        Assert.That(TargetFrameworkMoniker.Highest(new List<TargetFrameworkMoniker>()), Is.Null);
        Assert.That(TargetFrameworkMoniker.Highest(new[] { TargetFrameworkMoniker.Parse("netstandard2.0"), TargetFrameworkMoniker.Parse("net48") }), Is.Null);
    }

    private static IEnumerable<int[]> Subsets(int count)
        => Enumerable.Range(1, (1 << count) - 1).Select(mask => Enumerable.Range(0, count).Where(i => (mask & (1 << i)) != 0).ToArray());

    private static IEnumerable<int[]> Permutations(int[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }

        for (var i = 0; i < items.Length; i++)
        {
            var rest = items.Where((_, j) => j != i).ToArray();
            foreach (var tail in Permutations(rest))
            {
                yield return new[] { items[i] }.Concat(tail).ToArray();
            }
        }
    }
}
