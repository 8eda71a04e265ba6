using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Compose;

namespace ContainerAnalyzers.Projects;

/// <summary>
/// Reads the settings the rules weigh from an appsettings*.json: where the app listens (<c>urls</c>, <c>http_ports</c>,
/// <c>https_ports</c> and <c>Kestrel:Endpoints:*:Url</c>) and its <c>ConnectionStrings</c>. JSON is YAML, so YamlDotNet
/// reads it; a file that mentions these settings but cannot be read is unknown for them, one that does not mention
/// them sets nothing. Never throws.
/// </summary>
public static class AppSettingsReader
{
    private static readonly string[] EndpointWords = { "urls", "http_ports", "https_ports", "kestrel" };

    private const string ConnectionStringsKey = "ConnectionStrings";

    /// <summary>The settings of the file; null when the file name is not appsettings[.Environment].json.</summary>
    public static AppSettingsFile? Read(string fileName, string text)
    {
        if (AppSettingsFile.EnvironmentOf(fileName) is not { } environment)
        {
            return null;
        }

        // Each group of settings is unknown only when the file mentions it: a file the reader cannot follow that names
        // no endpoint setting still leaves the ports to the other sources.
        var mentionsEndpoints = EndpointWords.Any(w => text.IndexOf(w, StringComparison.OrdinalIgnoreCase) >= 0);
        var mentionsConnectionStrings = text.IndexOf(ConnectionStringsKey, StringComparison.OrdinalIgnoreCase) >= 0;
        if (!mentionsEndpoints && !mentionsConnectionStrings)
        {
            return new AppSettingsFile(environment, null, null, null, null);
        }

        AppSettingsFile Unreadable() => new(environment, null, null, null, null, isUnknown: mentionsEndpoints) { ConnectionStringsUnknown = mentionsConnectionStrings };

        if (text.Length > Compose.ComposeFile.MaxLength || Compose.YamlDepth.IsTooDeep(text))
        {
            return Unreadable();
        }

        try
        {
            if (YamlTree.Load(WithoutCommentsAndTrailingCommas(text)) is not YamlMapping root)
            {
                return new AppSettingsFile(environment, null, null, null, null);
            }

            string? urls = null, httpPorts = null, httpsPorts = null;
            var kestrelUrls = new List<string>();
            var connectionStrings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            var unknown = false;
            var connectionStringsUnknown = false;
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
                else if (key.Equals(ConnectionStringsKey, StringComparison.OrdinalIgnoreCase))
                {
                    if (pair.Value is not YamlMapping strings)
                    {
                        connectionStringsUnknown = true;
                        continue;
                    }

                    foreach (var entry in strings.Pairs)
                    {
                        var ignored = false;
                        if ((entry.Key as YamlScalar)?.Value is { } name)
                        {
                            connectionStrings[name] = Scalar(entry.Value, ref ignored);
                        }
                    }
                }
            }

            return new AppSettingsFile(environment, urls, httpPorts, httpsPorts, kestrelUrls, unknown)
            {
                ConnectionStrings = connectionStrings,
                ConnectionStringsUnknown = connectionStringsUnknown,
            };
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // JSON the configuration reader accepts and YAML does not, beyond comments and trailing commas.
            return Unreadable();
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
