using System;
using System.Collections.Generic;
using System.IO;
using System.Xml;

namespace ContainerAnalyzers.Projects;

/// <summary>
/// The files a project file copies to its output, and so to its publish output: items with
/// <c>CopyToOutputDirectory</c> or <c>CopyToPublishDirectory</c> set to copy (as an attribute or a child element), by the
/// literal path they include or update (<c>&lt;None Update="app.db" CopyToOutputDirectory="PreserveNewest" /&gt;</c>,
/// the Identity templates' database). Wildcards and properties are left out: the files they match are not known here.
/// </summary>
public static class CopiedFiles
{
    private static readonly string[] Metadata = { "CopyToOutputDirectory", "CopyToPublishDirectory" };

    /// <summary>The copied files' paths, relative to the project folder, with '/' separators; empty when there are none or the text is not XML.</summary>
    public static IReadOnlyList<string> Read(string? projectText)
    {
        var files = new List<string>();
        if (string.IsNullOrEmpty(projectText) || projectText!.IndexOf("CopyTo", StringComparison.Ordinal) < 0)
        {
            return files;
        }

        try
        {
            using var reader = XmlReader.Create(new StringReader(projectText), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true });
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || (reader.GetAttribute("Include") ?? reader.GetAttribute("Update")) is not { Length: > 0 } path)
                {
                    continue;
                }

                var copied = false;
                foreach (var name in Metadata)
                {
                    copied |= Copies(reader.GetAttribute(name));
                }

                if (!reader.IsEmptyElement)
                {
                    using var item = reader.ReadSubtree();
                    while (item.Read())
                    {
                        if (item.NodeType == XmlNodeType.Element && Array.IndexOf(Metadata, item.LocalName) >= 0)
                        {
                            copied |= Copies(item.ReadElementContentAsString());
                        }
                    }
                }

                if (copied && path.IndexOfAny(new[] { '*', '?', '$', '%', ';', '@' }) < 0)
                {
                    files.Add(path.Trim().Replace('\\', '/'));
                }
            }
        }
        catch (Exception exception) when (exception is XmlException or InvalidOperationException)
        {
            // A project file that is not XML copies nothing the package can know.
        }

        return files;
    }

    private static bool Copies(string? value)
        => value?.Trim() is { } copy && (copy.Equals("Always", StringComparison.OrdinalIgnoreCase) || copy.Equals("PreserveNewest", StringComparison.OrdinalIgnoreCase) || copy.Equals("IfDifferent", StringComparison.OrdinalIgnoreCase));
}
