using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Compose;

namespace ContainerAnalyzers.Projects;

/// <summary>
/// Reads the listening settings of an appsettings*.json: <c>urls</c>, <c>http_ports</c>, <c>https_ports</c> and
/// <c>Kestrel:Endpoints:*:Url</c>. JSON is YAML, so YamlDotNet reads it; a file that mentions these settings but cannot be
/// read (comments, trailing commas) is unknown, one that does not mention them sets nothing. Never throws.
/// </summary>
public static class AppSettingsReader
{
    private static readonly string[] Words = { "urls", "http_ports", "https_ports", "kestrel" };

    /// <summary>The settings of the file; null when the file name is not appsettings[.Environment].json.</summary>
    public static AppSettingsEndpoints? Read(string fileName, string text)
    {
        if (AppSettingsEndpoints.EnvironmentOf(fileName) is not { } environment)
        {
            return null;
        }

        if (!Words.Any(w => text.IndexOf(w, StringComparison.OrdinalIgnoreCase) >= 0))
        {
            return new AppSettingsEndpoints(environment, null, null, null, null);
        }

        if (text.Length > Compose.ComposeFile.MaxLength || Compose.YamlDepth.IsTooDeep(text))
        {
            return new AppSettingsEndpoints(environment, null, null, null, null, isUnknown: true);
        }

        try
        {
            if (YamlTree.Load(WithoutCommentsAndTrailingCommas(text)) is not YamlMapping root)
            {
                return new AppSettingsEndpoints(environment, null, null, null, null);
            }

            string? urls = null, httpPorts = null, httpsPorts = null;
            var kestrelUrls = new List<string>();
            var unknown = false;
            foreach (var pair in root.Pairs)
            {
                var key = (pair.Key as YamlScalar)?.Value ?? string.Empty;
                if (key.Equals("urls", StringComparison.OrdinalIgnoreCase))
                {
                    urls = Scalar(pair.Value, ref unknown);
                }
                else if (key.Equals("http_ports", StringComparison.OrdinalIgnoreCase))
                {
                    httpPorts = Scalar(pair.Value, ref unknown);
                }
                else if (key.Equals("https_ports", StringComparison.OrdinalIgnoreCase))
                {
                    httpsPorts = Scalar(pair.Value, ref unknown);
                }
                else if (key.Equals("Kestrel", StringComparison.OrdinalIgnoreCase) && Child(pair.Value, "Endpoints") is YamlMapping endpoints)
                {
                    foreach (var endpoint in endpoints.Pairs.Select(e => e.Value))
                    {
                        if (Child(endpoint, "Url") is { } url)
                        {
                            kestrelUrls.Add(Scalar(url, ref unknown) ?? string.Empty);
                        }
                        else
                        {
                            unknown = true;
                        }
                    }
                }
            }

            return new AppSettingsEndpoints(environment, urls, httpPorts, httpsPorts, kestrelUrls, unknown);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // JSON with comments or trailing commas, which the configuration reader accepts and YAML does not.
            return new AppSettingsEndpoints(environment, null, null, null, null, isUnknown: true);
        }
    }

    /// <summary>
    /// The configuration reader accepts JSON with comments and trailing commas; YAML does not. Both are removed
    /// (outside strings) before reading, keeping every other character where it was.
    /// </summary>
    internal static string WithoutCommentsAndTrailingCommas(string json)
    {
        var text = new StringBuilder(json.Length);
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (inString)
            {
                text.Append(c);
                if (c == '\\' && i + 1 < json.Length)
                {
                    text.Append(json[++i]);
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            if (c == '/' && i + 1 < json.Length && json[i + 1] == '/')
            {
                while (i < json.Length && json[i] != '\n')
                {
                    i++;
                }

                text.Append('\n');
                continue;
            }

            if (c == '/' && i + 1 < json.Length && json[i + 1] == '*')
            {
                var end = json.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? json.Length : end + 1;
                text.Append(' ');
                continue;
            }

            if (c == ',')
            {
                var next = i + 1;
                while (next < json.Length && char.IsWhiteSpace(json[next]))
                {
                    next++;
                }

                if (next < json.Length && json[next] is '}' or ']')
                {
                    text.Append(' ');
                    continue;
                }
            }

            inString = c == '"';
            text.Append(c);
        }

        return text.ToString();
    }

    private static YamlNode? Child(YamlNode node, string name)
        => node is YamlMapping mapping
            ? mapping.Pairs.FirstOrDefault(c => string.Equals((c.Key as YamlScalar)?.Value, name, StringComparison.OrdinalIgnoreCase)).Value
            : null;

    private static string? Scalar(YamlNode node, ref bool unknown)
    {
        if (node is YamlScalar { IsNull: false, Value: var value } && value.IndexOf('$') < 0)
        {
            return value;
        }

        unknown = true;
        return null;
    }
}
