using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ContainerAnalyzers.Text;

/// <summary>
/// Bounds on what a diagnostic message quotes from the user's files. A message is one line in a build log and an IDE
/// tooltip; a generated file can make an argument (a list of stage names, a 1 MB line) longer than the file itself.
/// </summary>
public static class MessageText
{
    /// <summary>The longest argument a message carries, in characters; longer ones end in "…".</summary>
    public const int MaxArgumentLength = 1000;

    /// <summary>How many items a list in a message names before it counts the rest.</summary>
    public const int MaxListedItems = 10;

    public static string Clip(string text)
        => text.Length <= MaxArgumentLength ? text : text.Substring(0, MaxArgumentLength) + "…";

    /// <summary>
    /// The first of the names the code uses and where, for a message: <c>("de-DE", "Prices.cs:4, and 2 more")</c>,
    /// counting the other distinct names.
    /// </summary>
    public static (string Name, string Where) FirstOf(IReadOnlyList<(string Name, string Where)> found)
    {
        var (name, where) = found[0];
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in found)
        {
            names.Add(item.Name);
        }

        var more = names.Count - 1;
        return (name, more > 0 ? $"{where}, and {more.ToString(CultureInfo.InvariantCulture)} more" : where);
    }

    /// <summary><c>'a', 'b', 'c'</c>, or <c>'a', … 'j' and 5 more</c> past <see cref="MaxListedItems"/>.</summary>
    public static string QuotedList(IReadOnlyList<string> items)
    {
        var text = new StringBuilder();
        for (var i = 0; i < items.Count && i < MaxListedItems; i++)
        {
            text.Append(i == 0 ? "'" : ", '").Append(items[i]).Append('\'');
        }

        if (items.Count > MaxListedItems)
        {
            text.Append(" and ").Append((items.Count - MaxListedItems).ToString("N0", CultureInfo.InvariantCulture)).Append(" more");
        }

        return text.ToString();
    }
}
