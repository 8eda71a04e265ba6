using System;

namespace ContainerAnalyzers.Text;

/// <summary>The line ending an edit writes: the file's own (CRLF when it has any), so a fix never mixes endings.</summary>
public static class NewLines
{
    public static string Of(string text) => text.IndexOf("\r\n", StringComparison.Ordinal) >= 0 ? "\r\n" : "\n";
}
