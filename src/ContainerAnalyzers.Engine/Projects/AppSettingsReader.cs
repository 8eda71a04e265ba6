using System;
using System.Collections.Generic;
using System.Linq;
using ContainerAnalyzers.Semantics;

namespace ContainerAnalyzers.Projects;

/// <summary>
/// Reads the settings the rules weigh from an appsettings*.json: where the app listens (<c>urls</c>, <c>http_ports</c>,
/// <c>https_ports</c> and <c>Kestrel:Endpoints:*:Url</c>) and its <c>ConnectionStrings</c>, as the configuration's JSON
/// provider reads them (<see cref="SettingsJson"/>). A file that mentions these settings but cannot be read is unknown
/// for them; one that does not mention them sets nothing. Never throws.
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

        if (text.Length > Compose.ComposeFile.MaxLength)
        {
            return Unreadable();
        }

        try
        {
            if (SettingsJson.Parse(text) is not SettingsJsonObject root)
            {
                return new AppSettingsFile(environment, null, null, null, null);
            }

            string? urls = null, httpPorts = null, httpsPorts = null;
            var kestrelUrls = new List<string>();
            var connectionStrings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            var unknown = false;
            var connectionStringsUnknown = false;
            foreach (var pair in root.Members)
            {
                var key = pair.Key;
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
                else if (key.Equals("Kestrel", StringComparison.OrdinalIgnoreCase) && (pair.Value as SettingsJsonObject)?["Endpoints"] is SettingsJsonObject endpoints)
                {
                    foreach (var member in endpoints.Members)
                    {
                        if ((member.Value as SettingsJsonObject)?["Url"] is { } url)
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
                    if (pair.Value is not SettingsJsonObject strings)
                    {
                        connectionStringsUnknown = true;
                        continue;
                    }

                    foreach (var entry in strings.Members)
                    {
                        var ignored = false;
                        connectionStrings[entry.Key] = Scalar(entry.Value, ref ignored);
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
            // JSON the configuration reader would refuse too (SettingsJson): what the app reads is not known.
            return Unreadable();
        }
    }

    private static string? Scalar(SettingsJsonNode node, ref bool unknown)
    {
        if (node is SettingsJsonScalar { Value: { } value } && value.IndexOf('$') < 0)
        {
            return value;
        }

        unknown = true;
        return null;
    }
}
