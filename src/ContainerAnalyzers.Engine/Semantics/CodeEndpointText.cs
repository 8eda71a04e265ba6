using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ContainerAnalyzers.Semantics;

/// <summary>
/// Where the app's code pins its endpoints, read from C# text without a compiler, for the hosts that have none (the
/// MSBuild fixer): the same calls the analyzer reads from syntax trees (<c>ListenAnyIP(80)</c>,
/// <c>Listen(IPAddress.Any, 5000)</c>, <c>UseUrls("…")</c>, <c>app.Run("…")</c>, <c>app.Urls.Add("…")</c>) with
/// literal arguments. Anything else that binds makes the answer unknown.
/// </summary>
public static class CodeEndpointText
{
    private static readonly Regex Call = new(@"\b(?<name>ListenAnyIP|ListenLocalhost|Listen|UseUrls|ListenUnixSocket|ListenNamedPipe|ListenHandle)\s*\((?<args>(?:[^()]|\((?:[^()]|\([^()]*\))*\))*)\)", RegexOptions.CultureInvariant);
    private static readonly Regex RunUrl = new(@"\.Run\s*\(\s*""(?<url>[^""]*)""\s*\)", RegexOptions.CultureInvariant);
    private static readonly Regex UrlsAdd = new(@"\.Urls\.Add\s*\((?<arg>[^)]*)\)", RegexOptions.CultureInvariant);
    private static readonly Regex StringLiteral = new(@"^\s*""(?<value>[^""]*)""\s*$", RegexOptions.CultureInvariant);

    public static CodeEndpoints Scan(IEnumerable<string> sources)
    {
        var ports = new List<int>();
        var urls = new List<string>();
        foreach (var text in sources)
        {
            if (text.IndexOf("ASPNETCORE_URLS", StringComparison.Ordinal) >= 0 || text.IndexOf("ASPNETCORE_HTTP_PORTS", StringComparison.Ordinal) >= 0
                || text.IndexOf("ServerUrlsKey", StringComparison.Ordinal) >= 0)
            {
                return CodeEndpoints.Unknown;
            }

            foreach (Match match in Call.Matches(text))
            {
                var arguments = TopLevelArguments(match.Groups["args"].Value);
                switch (match.Groups["name"].Value)
                {
                    case "ListenAnyIP" or "ListenLocalhost":
                        if (Number(arguments.Count > 0 ? arguments[0] : string.Empty) is not { } port)
                        {
                            return CodeEndpoints.Unknown;
                        }

                        ports.Add(port);
                        break;
                    case "Listen":
                        if (arguments.Count >= 2 && arguments[0].IndexOf("IPAddress", StringComparison.Ordinal) >= 0)
                        {
                            if (Number(arguments[1]) is not { } listenPort)
                            {
                                return CodeEndpoints.Unknown;
                            }

                            ports.Add(listenPort);
                        }
                        else if (arguments.Count >= 1 && (arguments[0].IndexOf("EndPoint", StringComparison.Ordinal) >= 0 || text.IndexOf("Kestrel", StringComparison.Ordinal) >= 0))
                        {
                            // Listen(endpoint), or a Listen next to Kestrel code whose arguments are not a literal pair.
                            return CodeEndpoints.Unknown;
                        }

                        break;
                    case "UseUrls":
                        foreach (var argument in arguments)
                        {
                            if (StringLiteral.Match(argument) is not { Success: true } literal)
                            {
                                return CodeEndpoints.Unknown;
                            }

                            urls.AddRange(literal.Groups["value"].Value.Split(';'));
                        }

                        break;
                    default:
                        return CodeEndpoints.Unknown;
                }
            }

            foreach (Match match in RunUrl.Matches(text))
            {
                urls.Add(match.Groups["url"].Value);
            }

            foreach (Match match in UrlsAdd.Matches(text))
            {
                if (StringLiteral.Match(match.Groups["arg"].Value) is not { Success: true } literal)
                {
                    return CodeEndpoints.Unknown;
                }

                urls.Add(literal.Groups["value"].Value);
            }
        }

        return ports.Count == 0 && urls.Count == 0 ? CodeEndpoints.None : new CodeEndpoints(ports, urls);
    }

    /// <summary>The ports the code pins (Kestrel endpoints, else its URLs); null when it pins none or they cannot be read.</summary>
    public static IReadOnlyList<int>? PinnedPorts(CodeEndpoints? code)
    {
        if (code is null or { IsUnknown: true } || (code.KestrelPorts.Count == 0 && code.Urls.Count == 0))
        {
            return null;
        }

        return code.KestrelPorts.Count > 0 ? code.KestrelPorts : ListeningPorts.PortsOfUrls(code.Urls);
    }

    private static int? Number(string text)
        => int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536 ? port : null;

    private static List<string> TopLevelArguments(string arguments)
    {
        var list = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < arguments.Length; i++)
        {
            switch (arguments[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case ',' when depth == 0:
                    list.Add(arguments.Substring(start, i - start));
                    start = i + 1;
                    break;
            }
        }

        if (arguments.Trim().Length > 0)
        {
            list.Add(arguments.Substring(start));
        }

        return list;
    }
}
