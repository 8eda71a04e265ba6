using System.Globalization;
using System.Text;
using ContainerAnalyzers.Syntax;

namespace ContainerAnalyzers.Tests.Syntax;

/// <summary>Prints a tree the way BuildKit's Node.Dump does, so results compare with the corpus' result files.</summary>
internal static class BuildKitDump
{
    public static string Dump(DockerfileSyntaxTree tree)
    {
        var builder = new StringBuilder();
        foreach (var instruction in tree.Instructions)
        {
            builder.Append('(').Append(Dump(instruction)).Append(")\n");
        }

        return builder.ToString();
    }

    public static string Dump(InstructionSyntax instruction)
    {
        var builder = new StringBuilder(instruction.Keyword.Value.ToLowerInvariant());
        if (instruction.Flags.Count > 0)
        {
            builder.Append(" [").Append(string.Join(" ", instruction.Flags.Select(f => Quote(f.Text)))).Append(']');
        }

        if (instruction is OnbuildInstructionSyntax { Trigger: { } trigger })
        {
            builder.Append(" (").Append(Dump(trigger)).Append(')');
        }
        else if (instruction.Kind == InstructionKind.Unknown)
        {
            builder.Append(" \"\"");
        }
        else
        {
            foreach (var argument in instruction.Arguments)
            {
                builder.Append(' ').Append(Quote(argument.Value));
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>Go's strconv.Quote.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder("\"");
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); continue;
                case '\\': builder.Append("\\\\"); continue;
                case '\a': builder.Append("\\a"); continue;
                case '\b': builder.Append("\\b"); continue;
                case '\f': builder.Append("\\f"); continue;
                case '\n': builder.Append("\\n"); continue;
                case '\r': builder.Append("\\r"); continue;
                case '\t': builder.Append("\\t"); continue;
                case '\v': builder.Append("\\v"); continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
                continue;
            }

            var category = char.GetUnicodeCategory(c);
            var printable = c == ' ' || !(char.IsControl(c) || char.IsSurrogate(c) || category is UnicodeCategory.Format or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.OtherNotAssigned);
            if (printable)
            {
                builder.Append(c);
            }
            else if (c < 0x80)
            {
                builder.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
        }

        return builder.Append('"').ToString();
    }
}
