using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ContainerAnalyzers.Images;
using ContainerAnalyzers.Syntax;

namespace ContainerAnalyzers.Semantics;

/// <summary>The ports a web app listens on in its container, and what decided them; or unknown.</summary>
public sealed class Listening
{
    public static Listening Unknown { get; } = new(Array.Empty<int>(), string.Empty, isKnown: false);

    private Listening(IReadOnlyList<int> ports, string because, bool isKnown)
    {
        Ports = ports;
        Because = because;
        IsKnown = isKnown;
    }

    internal static Listening On(IEnumerable<int> ports, string because) => new(AscendingOnce(ports), because, isKnown: true);

    // Each port once, ascending. Loops and an int list, not Distinct and OrderBy: LINQ's generic code over int is not
    // precompiled, and a fresh compiler process would JIT-compile it.
    private static int[] AscendingOnce(IEnumerable<int> ports)
    {
        var sorted = new List<int>();
        foreach (var port in ports)
        {
            sorted.Add(port);
        }

        sorted.Sort();
        var unique = new List<int>(sorted.Count);
        foreach (var port in sorted)
        {
            if (unique.Count == 0 || unique[unique.Count - 1] != port)
            {
                unique.Add(port);
            }
        }

        return unique.ToArray();
    }

    /// <summary>Every port the app binds, ascending; empty when unknown.</summary>
    public IReadOnlyList<int> Ports { get; }

    /// <summary>What decided them, for a message: "ASPNETCORE_HTTP_PORTS of the image", "ListenAnyIP in the code"…</summary>
    public string Because { get; }

    /// <summary>False when any source that could decide the ports cannot be read: every rule then stays silent.</summary>
    public bool IsKnown { get; }

    public string PortList
    {
        get
        {
            var texts = new string[Ports.Count];
            for (var i = 0; i < texts.Length; i++)
            {
                texts[i] = Ports[i].ToString(CultureInfo.InvariantCulture);
            }

            return string.Join(", ", texts);
        }
    }
}

/// <summary>
/// What the app's own code pins, found by the host in the compilation's syntax trees: Kestrel endpoints
/// (<c>ListenAnyIP(80)</c>, <c>Listen(IPAddress.Any, 5000)</c>) and URLs (<c>UseUrls("http://+:5000")</c>,
/// <c>app.Run("http://…")</c>, <c>app.Urls.Add</c>).
/// </summary>
public sealed class CodeEndpoints
{
    public static CodeEndpoints None { get; } = new(Array.Empty<int>(), Array.Empty<string>(), isUnknown: false);

    public static CodeEndpoints Unknown { get; } = new(Array.Empty<int>(), Array.Empty<string>(), isUnknown: true);

    public CodeEndpoints(IReadOnlyList<int> kestrelPorts, IReadOnlyList<string> urls, bool isUnknown = false)
    {
        KestrelPorts = kestrelPorts;
        Urls = urls;
        IsUnknown = isUnknown;
    }

    /// <summary>The ports of Kestrel endpoints the code configures: they replace every URL setting.</summary>
    public IReadOnlyList<int> KestrelPorts { get; }

    /// <summary>The URLs the code sets: they replace the URL settings of configuration.</summary>
    public IReadOnlyList<string> Urls { get; }

    /// <summary>The code binds somewhere it does not say literally (<c>ListenAnyIP(port)</c>).</summary>
    public bool IsUnknown { get; }
}

/// <summary>
/// The settings of one appsettings*.json the rules read: those that decide where the app listens, and its connection
/// strings.
/// </summary>
public sealed class AppSettingsFile
{
    public AppSettingsFile(string environment, string? urls, string? httpPorts, string? httpsPorts, IReadOnlyList<string>? kestrelUrls, bool isUnknown = false)
    {
        Environment = environment;
        Urls = urls;
        HttpPorts = httpPorts;
        HttpsPorts = httpsPorts;
        KestrelUrls = kestrelUrls ?? Array.Empty<string>();
        IsUnknown = isUnknown;
    }

    /// <summary>
    /// <c>ConnectionStrings:*</c> by name (names compare as configuration keys do, ignoring case); a null value is one
    /// the package cannot read (not a plain string).
    /// </summary>
    public IReadOnlyDictionary<string, string?> ConnectionStrings { get; init; } = new Dictionary<string, string?>();

    /// <summary>The file may set connection strings the package could not read (it mentions them and is not JSON the reader understands).</summary>
    public bool ConnectionStringsUnknown { get; init; }

    /// <summary>Empty for appsettings.json, else the environment of appsettings.{Environment}.json.</summary>
    public string Environment { get; }

    public string? Urls { get; }

    public string? HttpPorts { get; }

    public string? HttpsPorts { get; }

    /// <summary><c>Kestrel:Endpoints:*:Url</c>: endpoints replace every URL setting.</summary>
    public IReadOnlyList<string> KestrelUrls { get; }

    /// <summary>The file mentions these settings in a way that could not be read (not JSON the reader understands).</summary>
    public bool IsUnknown { get; }

    public bool SetsAnything => IsUnknown || Urls is not null || HttpPorts is not null || HttpsPorts is not null || KestrelUrls.Count > 0;

    /// <summary>The environment name of an appsettings file, or null when the file is not one.</summary>
    public static string? EnvironmentOf(string fileName)
    {
        if (!fileName.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) || !fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var middle = fileName.Substring("appsettings".Length, fileName.Length - "appsettings".Length - ".json".Length);
        return middle.Length == 0 ? string.Empty : middle[0] == '.' ? middle.Substring(1) : null;
    }
}

/// <summary>
/// Where an ASP.NET Core app listens in its container, from every source that decides it, in ASP.NET Core's order:
/// Kestrel endpoints (in code or in configuration) replace URLs; URLs (in code, on the command line, in configuration)
/// replace ports; ports (ASPNETCORE_HTTP_PORTS/HTTPS_PORTS, .NET 8+) replace the default. The image sets the default
/// (ASPNETCORE_HTTP_PORTS=8080 from .NET 8, ASPNETCORE_URLS=http://+:80 before). When sources at the same level
/// disagree, or any value is a variable, a file the package cannot read or code it cannot follow, the answer is unknown.
/// </summary>
public static class ListeningPorts
{
    /// <param name="image">The .NET image the container runs (not the SDK).</param>
    /// <param name="targetMajor">The app's .NET major version, when known.</param>
    /// <param name="environment">The container's environment variables, image defaults aside, in the order they apply (later wins); a null value is unknown.</param>
    /// <param name="arguments">The words the container starts with (entry point and command), or null when they cannot be known.</param>
    /// <param name="assemblyName">The app's assembly name: the entry point must start it (dotnet App.dll, or its apphost).</param>
    public static Listening For(DotnetImage image, int? targetMajor, IReadOnlyList<KeyValuePair<string, string?>> environment, IReadOnlyList<string>? arguments, IReadOnlyList<AppSettingsFile> appSettings, CodeEndpoints? code, string? assemblyName = null)
    {
        if (code is null or { IsUnknown: true } || image.Major is not { } major || image.IsDotnetFramework
            || (targetMajor is { } target && (target >= 8) != (major >= 8))
            || !StartsTheAppDirectly(arguments, assemblyName))
        {
            return Listening.Unknown;
        }

        // The container's variables: the image's default first, then the Dockerfile's and the service's. The SDK
        // images build on the aspnet image from .NET 8 (ASPNETCORE_HTTP_PORTS=8080); before, they cleared
        // ASPNETCORE_URLS, so only what the file sets counts.
        var variables = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var defaults = image.Kind == DotnetImageKind.Sdk && major < 8 ? Array.Empty<KeyValuePair<string, string?>>()
            : new[] { major >= 8 ? new KeyValuePair<string, string?>("ASPNETCORE_HTTP_PORTS", "8080") : new KeyValuePair<string, string?>("ASPNETCORE_URLS", "http://+:80") };
        // Loops over the pairs, not LINQ: its generic code over KeyValuePair is JIT-compiled in a fresh compiler process.
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in defaults)
        {
            variables[pair.Key] = pair.Value;
        }

        foreach (var pair in environment)
        {
            variables[pair.Key] = pair.Value;
            set.Add(pair.Key);
        }

        string Source(string name) => set.Contains(name) ? name : name + " of the image";

        // appsettings.json and the file of the environment the container runs in (Production unless set).
        var environmentName = Lookup(variables, "ASPNETCORE_ENVIRONMENT") ?? Lookup(variables, "DOTNET_ENVIRONMENT");
        var environmentKnown = !(variables.ContainsKey("ASPNETCORE_ENVIRONMENT") && variables["ASPNETCORE_ENVIRONMENT"] is null)
            && !(variables.ContainsKey("DOTNET_ENVIRONMENT") && variables["DOTNET_ENVIRONMENT"] is null);
        var settings = appSettings.Where(a => a.Environment.Length == 0 || !environmentKnown
            || string.Equals(a.Environment, environmentName ?? "Production", StringComparison.OrdinalIgnoreCase)).ToList();
        if (settings.Any(s => s.IsUnknown) || (!environmentKnown && settings.Any(s => s.Environment.Length > 0 && s.SetsAnything)))
        {
            return Listening.Unknown;
        }

        // Kestrel endpoints: in code, in environment variables, in appsettings.
        var endpointUrls = new List<string>();
        foreach (var variable in variables)
        {
            if (IsKestrelEndpointSetting(variable.Key) && variable.Value is null)
            {
                return Listening.Unknown;
            }

            if (IsKestrelEndpointUrl(variable.Key))
            {
                endpointUrls.Add(variable.Value!);
            }
        }

        endpointUrls.AddRange(settings.SelectMany(s => s.KestrelUrls));
        if (code.KestrelPorts.Count > 0 || endpointUrls.Count > 0)
        {
            var fromUrls = endpointUrls.Count == 0 ? Array.Empty<int>() : PortsOfUrls(endpointUrls);
            if (fromUrls is null)
            {
                return Listening.Unknown;
            }

            var ports = new List<int>(code.KestrelPorts);
            ports.AddRange(fromUrls);
            return Listening.On(ports, code.KestrelPorts.Count > 0 ? "Kestrel endpoints in the code" : "Kestrel endpoints in configuration");
        }

        // URLs: code, then the command line, then configuration (environment and appsettings must agree).
        if (code.Urls.Count > 0)
        {
            return PortsOfUrls(code.Urls) is { } codePorts ? Listening.On(codePorts, "the URLs in the code") : Listening.Unknown;
        }

        // The command line is the last configuration source: --urls there beats every variable.
        if (CommandLineValue(arguments, "urls") is { } commandLine)
        {
            return commandLine.Length == 0 ? Listening.Unknown : PortsOfUrls(commandLine.Split(';')) is { } ports ? Listening.On(ports, "--urls") : Listening.Unknown;
        }

        if (arguments is null)
        {
            return Listening.Unknown;
        }

        var urls = Setting(variables, settings, "URLS", s => s.Urls, Source);
        if (urls.Unknown)
        {
            return Listening.Unknown;
        }

        if (urls.Value is { } urlList)
        {
            return PortsOfUrls(urlList.Split(';')) is { } ports ? Listening.On(ports, urls.Source) : Listening.Unknown;
        }

        if (major < 8)
        {
            // HTTP_PORTS is .NET 8's; without URLs an older app listens on localhost:5000 only.
            return Listening.Unknown;
        }

        var http = Setting(variables, settings, "HTTP_PORTS", s => s.HttpPorts, Source);
        var https = Setting(variables, settings, "HTTPS_PORTS", s => s.HttpsPorts, Source);
        if (http.Unknown || https.Unknown || (http.Value is null && https.Value is null))
        {
            return Listening.Unknown;
        }

        return PortList(http.Value, https.Value) is { } all ? Listening.On(all, http.Value is not null ? http.Source : https.Source) : Listening.Unknown;
    }

    /// <summary>
    /// Whether the container starts the app itself (<c>dotnet App.dll …</c> or its apphost), with no word that could set
    /// the URLs in a way the words do not show: a script (<c>./entrypoint.sh</c>, <c>sh -c "…"</c>) may export
    /// ASPNETCORE_URLS or pass --urls, and then only running it can tell.
    /// </summary>
    private static bool StartsTheAppDirectly(IReadOnlyList<string>? arguments, string? assemblyName)
    {
        if (arguments is null || arguments.Count == 0)
        {
            return false;
        }

        var program = arguments[0].Substring(arguments[0].LastIndexOf('/') + 1);
        var app = assemblyName is { Length: > 0 } && string.Equals(program, assemblyName, StringComparison.Ordinal);
        if (program != "dotnet" && !app)
        {
            return false;
        }

        // A word that mentions the settings without being the plain --urls option the reader understands.
        for (var i = 1; i < arguments.Count; i++)
        {
            var word = arguments[i];
            var plainOption = word.StartsWith("--urls", StringComparison.OrdinalIgnoreCase) || (i > 1 && arguments[i - 1].Equals("--urls", StringComparison.OrdinalIgnoreCase));
            if (!plainOption && (word.IndexOf("urls", StringComparison.OrdinalIgnoreCase) >= 0 || word.IndexOf("ASPNETCORE_", StringComparison.OrdinalIgnoreCase) >= 0
                || word.IndexOf("_PORTS", StringComparison.OrdinalIgnoreCase) >= 0 || word.IndexOf("Kestrel", StringComparison.OrdinalIgnoreCase) >= 0))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The ports of ASP.NET Core URLs (<c>http://+:80;https://*:443</c>); null when one cannot be read.</summary>
    public static IReadOnlyList<int>? PortsOfUrls(IEnumerable<string> urls)
    {
        var ports = new List<int>();
        foreach (var raw in urls)
        {
            var url = raw.Trim();
            if (url.Length == 0)
            {
                continue;
            }

            var scheme = url.IndexOf("://", StringComparison.Ordinal);
            if (scheme < 0)
            {
                return null;
            }

            var rest = url.Substring(scheme + 3);
            var slash = rest.IndexOf('/');
            var authority = slash >= 0 ? rest.Substring(0, slash) : rest;
            var bracket = authority.LastIndexOf(']');
            var colon = authority.LastIndexOf(':');
            if (colon > bracket && int.TryParse(authority.Substring(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536)
            {
                ports.Add(port);
            }
            else if (colon <= bracket)
            {
                var name = url.Substring(0, scheme);
                ports.Add(string.Equals(name, "https", StringComparison.OrdinalIgnoreCase) ? 443 : string.Equals(name, "http", StringComparison.OrdinalIgnoreCase) ? 80 : 0);
                if (ports[ports.Count - 1] == 0)
                {
                    return null;
                }
            }
            else
            {
                return null;
            }
        }

        return ports.Count == 0 ? null : ports;
    }

    /// <summary>
    /// The ports the environment variables alone set, in ASP.NET Core's order (URLs replace ports): for a host that cannot
    /// read the code or a settings file, and so cannot know the whole answer, but must still say which port the image's
    /// own ENV documents. Null when they set none, or a value cannot be read.
    /// </summary>
    public static IReadOnlyList<int>? SetByEnvironment(IReadOnlyList<KeyValuePair<string, string?>> environment)
    {
        var variables = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in environment)
        {
            variables[pair.Key] = pair.Value;
        }

        var urls = Setting(variables, Array.Empty<AppSettingsFile>(), "URLS", _ => null, name => name);
        if (urls.Unknown)
        {
            return null;
        }

        if (urls.Value is { } urlList)
        {
            return PortsOfUrls(urlList.Split(';'));
        }

        var http = Setting(variables, Array.Empty<AppSettingsFile>(), "HTTP_PORTS", _ => null, name => name);
        var https = Setting(variables, Array.Empty<AppSettingsFile>(), "HTTPS_PORTS", _ => null, name => name);
        if (http.Unknown || https.Unknown || (http.Value is null && https.Value is null))
        {
            return null;
        }

        return PortList(http.Value, https.Value);
    }

    // The ports of HTTP_PORTS and HTTPS_PORTS values (80;8080); null when an item is not a port.
    private static List<int>? PortList(params string?[] lists)
    {
        var all = new List<int>();
        foreach (var list in lists)
        {
            foreach (var item in (list ?? string.Empty).Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries))
            {
                if (!int.TryParse(item.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is <= 0 or > 65535)
                {
                    return null;
                }

                all.Add(port);
            }
        }

        return all.Count == 0 ? null : all;
    }

    /// <summary>
    /// The environment of a container of the stage that compose services run, in the order it applies: the stage's ENV
    /// (unknown where it uses a build argument a service overrides), then each service's <c>environment</c>.
    /// </summary>
    public static List<KeyValuePair<string, string?>> ContainerEnvironment(DockerfileModel model, Stage? stage, IReadOnlyList<Compose.ComposeService> services)
    {
        var variables = stage is null ? new List<KeyValuePair<string, string?>>() : StageEnvironment(model, stage, argumentsOverridden: services.Any(s => s.Build?.Args.Count > 0));
        foreach (var service in services)
        {
            foreach (var variable in service.Environment.Values)
            {
                variables.Add(new KeyValuePair<string, string?>(variable.Name.Value, variable.Resolved));
            }
        }

        return variables;
    }

    /// <summary>The variables a stage's ENV instructions set, root stage first, with ARGs expanded; null values are unknown.</summary>
    /// <param name="argumentsOverridden">The build passes its own ARG values (compose's build.args): an ENV that expands a variable then holds what the build gave, not the default, and is unknown.</param>
    public static List<KeyValuePair<string, string?>> StageEnvironment(DockerfileModel model, Stage stage, bool argumentsOverridden = false)
    {
        // Loops, not Select and ToList: LINQ's generic code over KeyValuePair is JIT-compiled in a fresh compiler process.
        var variables = new List<KeyValuePair<string, string?>>();
        foreach (var pair in StageFacts.Environment(stage))
        {
            variables.Add(new KeyValuePair<string, string?>(pair.Key.Value, argumentsOverridden && pair.Value.Value.IndexOf('$') >= 0 ? null : model.EnvironmentValue(pair)));
        }

        return variables;
    }

    /// <summary>The value of <c>--name value</c> or <c>--name=value</c> among the arguments; empty when present but unreadable.</summary>
    private static string? CommandLineValue(IReadOnlyList<string>? arguments, string name)
    {
        if (arguments is null)
        {
            return null;
        }

        for (var i = 0; i < arguments.Count; i++)
        {
            var word = arguments[i];
            foreach (var prefix in new[] { "--", "/" })
            {
                var option = prefix + name;
                if (string.Equals(word, option, StringComparison.OrdinalIgnoreCase))
                {
                    return i + 1 < arguments.Count && arguments[i + 1].IndexOf('$') < 0 ? arguments[i + 1] : string.Empty;
                }

                if (word.StartsWith(option + "=", StringComparison.OrdinalIgnoreCase))
                {
                    var value = word.Substring(option.Length + 1);
                    return value.IndexOf('$') < 0 ? value : string.Empty;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// One setting from the environment (ASPNETCORE_X, DOTNET_X, X) and appsettings: the value all sources agree on,
    /// null when none sets it, unknown when one is unknown or two disagree.
    /// </summary>
    // One setting from every place that sets it, in the order they are read: unknown when one of them is unknown, or
    // when two disagree. Loops, not LINQ: this runs for every Dockerfile that builds a web app.
    private static (string? Value, string Source, bool Unknown) Setting(Dictionary<string, string?> variables, IReadOnlyList<AppSettingsFile> settings, string name, Func<AppSettingsFile, string?> fromFile, Func<string, string> describe)
    {
        string? first = null;
        var source = string.Empty;
        var disagree = false;
        foreach (var variable in VariablesOf(name))
        {
            if (variables.TryGetValue(variable, out var value))
            {
                if (value is null)
                {
                    return (null, string.Empty, true);
                }

                Add(value, variable, null);
            }
        }

        for (var i = 0; i < settings.Count; i++)
        {
            if (fromFile(settings[i]) is { } value)
            {
                Add(value, null, settings[i]);
            }
        }

        return first is null ? (null, string.Empty, false) : disagree ? (null, string.Empty, true) : (first, source, false);

        void Add(string value, string? variable, AppSettingsFile? file)
        {
            if (first is null)
            {
                first = value;
                source = variable is not null ? describe(variable) : "appsettings" + (file!.Environment.Length == 0 ? string.Empty : "." + file.Environment) + ".json";
            }
            else if (!string.Equals(first.Trim(), value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                disagree = true;
            }
        }
    }

    private static readonly string[] UrlsVariables = { "ASPNETCORE_URLS", "DOTNET_URLS", "URLS" };
    private static readonly string[] HttpPortsVariables = { "ASPNETCORE_HTTP_PORTS", "DOTNET_HTTP_PORTS", "HTTP_PORTS" };
    private static readonly string[] HttpsPortsVariables = { "ASPNETCORE_HTTPS_PORTS", "DOTNET_HTTPS_PORTS", "HTTPS_PORTS" };

    // The environment variables that set a host setting, by the prefixes the host reads (ASPNETCORE_, DOTNET_) and bare.
    private static string[] VariablesOf(string name) => name switch
    {
        "URLS" => UrlsVariables,
        "HTTP_PORTS" => HttpPortsVariables,
        "HTTPS_PORTS" => HttpsPortsVariables,
        _ => new[] { "ASPNETCORE_" + name, "DOTNET_" + name, name },
    };

    private static string? Lookup(Dictionary<string, string?> variables, string name) => variables.TryGetValue(name, out var value) ? value : null;

    // ASPNETCORE_Kestrel__Endpoints__Http__Url, Kestrel__Endpoints__Http__Url
    private static bool IsKestrelEndpointSetting(string variable)
        => ConfigurationKey(variable).StartsWith("Kestrel__Endpoints__", StringComparison.OrdinalIgnoreCase);

    private static bool IsKestrelEndpointUrl(string variable)
        => IsKestrelEndpointSetting(variable) && ConfigurationKey(variable).EndsWith("__Url", StringComparison.OrdinalIgnoreCase);

    private static string ConfigurationKey(string variable)
    {
        foreach (var prefix in new[] { "ASPNETCORE_", "DOTNET_" })
        {
            if (variable.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return variable.Substring(prefix.Length);
            }
        }

        return variable;
    }
}
