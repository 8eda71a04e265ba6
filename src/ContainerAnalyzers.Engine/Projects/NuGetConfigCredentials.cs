using System;
using System.Collections.Generic;
using System.IO;
using System.Xml;

namespace ContainerAnalyzers.Projects;

/// <summary>
/// What a NuGet.Config stores of its feeds' credentials: the package sources whose password is written in the file
/// itself (<c>&lt;packageSourceCredentials&gt;&lt;acme&gt;&lt;add key="ClearTextPassword" value="…" /&gt;</c>).
/// </summary>
public static class NuGetConfigCredentials
{
    /// <summary>
    /// The sources whose password the file holds: a ClearTextPassword or Password with a literal value. A value that
    /// names an environment variable (<c>%NUGET_PAT%</c>, which NuGet expands at restore) holds none. Empty when there is
    /// none, or the text is not XML a reader can follow (then nothing is sure).
    /// </summary>
    public static IReadOnlyList<string> SourcesWithStoredPassword(string text)
    {
        var sources = new List<string>();
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            MaxCharactersInDocument = 4 * 1024 * 1024,
        };
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), settings);
            var credentialsDepth = -1;
            string? source = null;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == credentialsDepth)
                    {
                        credentialsDepth = -1;
                    }

                    continue;
                }

                if (reader.LocalName == "packageSourceCredentials" && credentialsDepth < 0)
                {
                    credentialsDepth = reader.Depth;
                }
                else if (credentialsDepth >= 0 && reader.Depth == credentialsDepth + 1)
                {
                    source = XmlConvert.DecodeName(reader.LocalName);
                }
                else if (credentialsDepth >= 0 && reader.Depth == credentialsDepth + 2 && reader.LocalName == "add" && source is not null
                    && reader.GetAttribute("key") is "ClearTextPassword" or "Password"
                    && reader.GetAttribute("value") is { Length: > 0 } value && value.IndexOf('%') < 0 && !sources.Contains(source))
                {
                    sources.Add(source);
                }
            }
        }
        catch (XmlException)
        {
            return Array.Empty<string>();
        }

        return sources;
    }
}
