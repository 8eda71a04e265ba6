using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Xml;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Projects;

/// <summary>
/// What the analyzers know about the project that owns the Dockerfile: the MSBuild properties the package
/// exposes (evaluated, so Directory.Build.props counts) plus what only the project file's text tells
/// (the ASP.NET Core FrameworkReference, ProjectReferences).
/// </summary>
public sealed class ProjectFacts : IEquatable<ProjectFacts>
{
    /// <summary>The MSBuild properties the package makes visible to the compiler (build/ContainerAnalyzers.props).</summary>
    public static readonly IReadOnlyList<string> VisibleProperties = new[]
    {
        "MSBuildProjectFullPath", "MSBuildProjectName", "TargetFramework", "TargetFrameworks", "AssemblyName", "OutputType",
        "UsingMicrosoftNETSdkWeb", "UsingMicrosoftNETSdkWorker", "PublishAot", "PublishTrimmed", "SelfContained", "PublishSelfContained",
        "PublishSingleFile", "RuntimeIdentifier", "RuntimeIdentifiers", "InvariantGlobalization", "ContainerBaseImage",
        "ContainerFamily", "ContainerRepository", "ContainerUser", "EnableSdkContainerSupport", "IsTestProject",
        "UseWPF", "UseWindowsForms", "UseMaui", "PackAsTool", "DockerfileFile", "DockerfileContext", "ContainerAnalyzersRestoreFileList", "ContainerAnalyzersRestoreFilesImport", "ContainerAnalyzersTargetFrameworks", "RollForward",
        "ContainerAnalyzersProjectClosure", "Configuration", "ContainerAnalyzersReleaseProperties",
    };

    /// <summary>
    /// The properties that may differ by configuration and decide how the app is published (issue 27): the package's
    /// targets hand over their Release values too, in ContainerAnalyzersReleaseProperties, when the build evaluates another.
    /// </summary>
    public static readonly IReadOnlyList<string> ConfigurationProperties = new[]
    {
        "PublishAot", "SelfContained", "PublishSelfContained", "PublishTrimmed", "PublishSingleFile", "InvariantGlobalization", "RuntimeIdentifier", "AssemblyName",
    };

    // A Dictionary, not a SortedDictionary: the framework precompiles its code for string values, while
    // SortedDictionary's tree of KeyValuePair structs is JIT-compiled in every fresh compiler process.
    private readonly Dictionary<string, string> _properties;
    private readonly string? _projectText;

    private ProjectFacts(Dictionary<string, string> properties, string? projectPath, string? projectText)
    {
        _properties = properties;
        _projectText = projectText;
        ProjectPath = projectPath ?? Get("MSBuildProjectFullPath");
        ProjectName = Get("MSBuildProjectName") ?? (ProjectPath is null ? null : Path.GetFileNameWithoutExtension(ProjectPath));
        TargetFrameworks = ReadTargetFrameworks();

        // The project file's text is read with XmlReader only when a rule asks for what only the text says: most
        // analyses of a web project with a Dockerfile never do, and System.Xml costs ~15 ms to load and JIT in a
        // fresh compiler process.
        _text = new Lazy<ProjectTextFacts>(() => ProjectTextFacts.Read(projectText, rootOnly: false), LazyThreadSafetyMode.PublicationOnly);
        _root = new Lazy<ProjectTextFacts>(() => ProjectTextFacts.Read(projectText, rootOnly: true), LazyThreadSafetyMode.PublicationOnly);
        _leftToBuildFiles = new Lazy<ProjectFileGaps?>(() => ProjectFileGaps.Read(projectText), LazyThreadSafetyMode.PublicationOnly);
        _releaseText = new Lazy<Dictionary<string, string>?>(() => ReleaseConfigurationText.Read(projectText), LazyThreadSafetyMode.PublicationOnly);
        _releaseValues = new Lazy<Dictionary<string, string>?>(ReleaseValues, LazyThreadSafetyMode.PublicationOnly);
    }

    private readonly Lazy<ProjectTextFacts> _root;

    private readonly Lazy<ProjectTextFacts> _text;

    public static ProjectFacts Empty { get; } = Create(_ => null, null, null);

    /// <summary>
    /// The configuration's values are not known: the Dockerfile publishes a configuration it names by a variable (or
    /// one the package was given no values for), and the configuration-dependent properties differ between the
    /// configurations it knows. The rules that judge the app then stay silent.
    /// </summary>
    public bool ConfigurationIsUncertain { get; private set; }

    // The Release values of the configuration-dependent properties: handed over by a host (ContainerAnalyzersReleaseProperties,
    // "Name=value|…"), else read from the project file's own text (ReleaseConfigurationText); null when neither says
    // anything differs. A second evaluation of the project in Release would know more, but a Release-only import that
    // is missing here would fail the user's build, and an analyzer input must never do that.
    private Dictionary<string, string>? ReleaseValues()
    {
        var release = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (Get("ContainerAnalyzersReleaseProperties") is { Length: > 0 } list)
        {
            foreach (var pair in list.Split('|'))
            {
                var equals = pair.IndexOf('=');
                if (equals > 0)
                {
                    release[pair.Substring(0, equals).Trim()] = pair.Substring(equals + 1).Trim();
                }
            }

            return release;
        }

        if (!string.Equals(Get("Configuration") ?? "Debug", "Debug", StringComparison.OrdinalIgnoreCase) || _releaseText.Value is not { Count: > 0 } fromText)
        {
            return null;
        }

        foreach (var name in ConfigurationProperties)
        {
            release[name] = fromText.TryGetValue(name, out var value) ? value : Get(name) ?? string.Empty;
        }

        return release;
    }

    /// <summary>
    /// The facts as <paramref name="configuration"/> evaluates them: the evaluated ones when it is the build's own
    /// configuration, the Release values the targets handed over when it is Release, and uncertain when it is unknown
    /// (null) or another one and the known configurations disagree.
    /// </summary>
    public ProjectFacts ForConfiguration(string? configuration)
        => !DependsOnConfiguration ? this : _byConfiguration.GetOrAdd(configuration ?? string.Empty, _ => CreateForConfiguration(configuration));

    /// <summary>
    /// Whether any configuration-dependent property may differ in Release from the evaluated value: only then does the
    /// configuration a Dockerfile publishes matter. Worked out once.
    /// </summary>
    public bool DependsOnConfiguration => _releaseValues.Value is not null;

    // The facts per configuration, made once: every analysis of the same project (the analyzer's, the fixes' self-checks)
    // shares them, and their project-file readings.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ProjectFacts> _byConfiguration = new(StringComparer.OrdinalIgnoreCase);

    private ProjectFacts CreateForConfiguration(string? configuration)
    {
        var release = _releaseValues.Value!;

        var evaluated = Get("Configuration") ?? "Debug";
        if (string.Equals(configuration, evaluated, StringComparison.OrdinalIgnoreCase))
        {
            return this;
        }

        var differs = ConfigurationProperties.Any(p => release.TryGetValue(p, out var value) && !string.Equals(value, Get(p) ?? string.Empty, StringComparison.OrdinalIgnoreCase));
        if (!string.Equals(configuration, "Release", StringComparison.OrdinalIgnoreCase))
        {
            return differs ? new ProjectFacts(new Dictionary<string, string>(_properties, StringComparer.OrdinalIgnoreCase), ProjectPath, _projectText) { ConfigurationIsUncertain = true } : this;
        }

        if (release.Values.Any(v => v == "?"))
        {
            // Release sets one of them in a way the text does not say: not sure.
            return new ProjectFacts(new Dictionary<string, string>(_properties, StringComparer.OrdinalIgnoreCase), ProjectPath, _projectText) { ConfigurationIsUncertain = true };
        }

        var properties = new Dictionary<string, string>(_properties, StringComparer.OrdinalIgnoreCase);
        foreach (var name in ConfigurationProperties)
        {
            if (release.TryGetValue(name, out var value))
            {
                if (value.Length == 0)
                {
                    properties.Remove(name);
                }
                else
                {
                    properties[name] = value;
                }
            }
        }

        properties["Configuration"] = "Release";
        return new ProjectFacts(properties, ProjectPath, _projectText);
    }

    public string? ProjectPath { get; }

    public string? ProjectName { get; }

    /// <summary>TargetFramework, or every entry of TargetFrameworks.</summary>
    public IReadOnlyList<TargetFrameworkMoniker> TargetFrameworks { get; }

    /// <summary>The highest .NET (Core) framework the project targets: what restore and build need in a stage that builds without <c>-f</c>.</summary>
    public TargetFrameworkMoniker? HighestDotnetFramework
        => TargetFrameworkMoniker.Highest(TargetFrameworks.Where(t => t.IsDotnetCore));

    /// <summary>The assembly the build produces: AssemblyName, defaulting to the project name.</summary>
    public string? AssemblyName => Get("AssemblyName") ?? ProjectName;

    public string? OutputType => Get("OutputType");

    /// <summary>Uses the web SDK, or references the ASP.NET Core shared framework.</summary>
    public bool IsWeb => IsTrue("UsingMicrosoftNETSdkWeb") || ReferencesAspNetCore;

    public bool ReferencesAspNetCore => _text.Value.ReferencesAspNetCore;

    public bool IsExecutable => IsWeb
        || string.Equals(OutputType, "Exe", StringComparison.OrdinalIgnoreCase)
        || string.Equals(OutputType, "WinExe", StringComparison.OrdinalIgnoreCase);

    public bool IsTestProject => IsTrue("IsTestProject");

    public bool PublishAot => IsTrue("PublishAot");

    /// <summary>PublishSingleFile: the publish bundles the app into one executable, with no App.dll beside it.</summary>
    public bool PublishSingleFile => IsTrue("PublishSingleFile");

    /// <summary>Self-contained when published: explicitly, or because trimming and native AOT need it.</summary>
    public bool IsSelfContained => PublishAot || IsTrue("SelfContained") || IsTrue("PublishSelfContained") || IsTrue("PublishTrimmed");

    public bool? InvariantGlobalization => Get("InvariantGlobalization") is { } value ? string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) : null;

    public string? RuntimeIdentifier => Get("RuntimeIdentifier");

    public string? ContainerBaseImage => Get("ContainerBaseImage");

    public string? ContainerFamily => Get("ContainerFamily");

    /// <summary>A desktop or mobile app, or a .NET tool: nothing to put in a Linux container.</summary>
    public bool CannotRunInLinuxContainer => IsTrue("UseWPF") || IsTrue("UseWindowsForms") || IsTrue("UseMaui") || IsTrue("PackAsTool")
        || TargetFrameworks.Any(t => t.Platform is not null || !t.IsDotnetCore);

    /// <summary>
    /// The project opts in to `dotnet publish /t:PublishContainer` in its own text or through container properties.
    /// The web SDK turns EnableSdkContainerSupport on for every web project, so the evaluated property alone is no opt-in.
    /// </summary>
    public bool UsesSdkContainerPublishing
        => Get("ContainerBaseImage") is not null || Get("ContainerFamily") is not null || Get("ContainerRepository") is not null || _text.Value.UsesSdkContainerPublishing;

    public IReadOnlyList<string> ProjectReferences => _text.Value.ProjectReferences;

    private readonly Lazy<ProjectFileGaps?> _leftToBuildFiles;

    private readonly Lazy<Dictionary<string, string>?> _releaseText;

    private readonly Lazy<Dictionary<string, string>?> _releaseValues;

    /// <summary>
    /// What the project file leaves to Directory.Build.props and Directory.Packages.props; null when its text is
    /// unknown or not XML. Read with System.Xml on first use only: just CTR0045 asks, and only for a restore layer.
    /// </summary>
    public ProjectFileGaps? LeftToBuildFiles => _leftToBuildFiles.Value;

    /// <summary>The restore inputs beside the project file that exist (Directory.Build.props, NuGet.config…), full paths, from the package's targets.</summary>
    public IReadOnlyList<string> RestoreFiles => (Get("ContainerAnalyzersRestoreFileList") ?? string.Empty)
        .Split(new[] { '|', ';' }, StringSplitOptions.RemoveEmptyEntries).Select(f => f.Trim().Replace('\\', '/')).Where(f => f.Length > 0).ToArray();

    /// <summary>The ports of ContainerPort items (SDK container publishing), which also say where the app listens.</summary>
    public IReadOnlyList<string> ContainerPorts => _text.Value.ContainerPorts;

    /// <summary>Where each container property's element sits in the project file (for diagnostics on SDK container settings).</summary>
    public IReadOnlyDictionary<string, SourceSpan> ContainerPropertySpans => _text.Value.ContainerPropertySpans;

    public string? ContainerUser => Get("ContainerUser");

    /// <summary>The project file's text, for fixes that edit it.</summary>
    public string? ProjectText => _projectText;

    /// <summary>The files the project file copies to its (publish) output, relative to the project folder (<see cref="CopiedFiles"/>).</summary>
    public IReadOnlyList<string> FilesCopiedToOutput => _copiedFiles ??= CopiedFiles.Read(_projectText);

    private IReadOnlyList<string>? _copiedFiles;

    /// <summary>The RollForward policy; <c>Major</c> or <c>LatestMajor</c> lets the app run on a newer major runtime.</summary>
    public string? RollForward => Get("RollForward");

    /// <summary>
    /// Every project the project references, transitively, as full paths (the package's targets read them from restore's
    /// assets, and hand them over only when each shares the project's build files); null when not known.
    /// </summary>
    public IReadOnlyList<string>? ProjectReferenceClosure
        => Get("ContainerAnalyzersProjectClosure") is { } closure
            ? closure.Split(new[] { '|', ';' }, StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToArray()
            : null;

    /// <summary>Where the project file's root element opens (<c>&lt;Project</c>), for diagnostics reported on the project.</summary>
    public SourceSpan ProjectElementSpan => _text.IsValueCreated && _text.Value.ParsedXml ? _text.Value.ProjectElementSpan : _root.Value.ProjectElementSpan;

    public string? GetProperty(string name) => Get(name);

    public static ProjectFacts Create(Func<string, string?> getProperty, string? projectPath, string? projectText)
    {
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in VisibleProperties)
        {
            var value = getProperty(name);
            if (!string.IsNullOrWhiteSpace(value))
            {
                properties[name] = value!.Trim();
            }
        }

        return new ProjectFacts(properties, projectPath, projectText);
    }

    public bool Equals(ProjectFacts? other)
        => other is not null
            && ConfigurationIsUncertain == other.ConfigurationIsUncertain
            && string.Equals(_projectText, other._projectText, StringComparison.Ordinal)
            && string.Equals(ProjectPath, other.ProjectPath, StringComparison.Ordinal)
            && _properties.Count == other._properties.Count
            && SameProperties(other);

    private bool SameProperties(ProjectFacts other)
    {
        foreach (var pair in _properties)
        {
            if (!other._properties.TryGetValue(pair.Key, out var value) || !string.Equals(value, pair.Value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as ProjectFacts);

    public override int GetHashCode()
    {
        // Summed, so the order the dictionary enumerates its entries in does not matter.
        var hash = _projectText?.Length ?? 0;
        foreach (var pair in _properties)
        {
            hash += StringComparer.Ordinal.GetHashCode(pair.Value);
        }

        return hash;
    }

    private string? Get(string name) => _properties.TryGetValue(name, out var value) ? value : null;

    private bool IsTrue(string name) => string.Equals(Get(name), "true", StringComparison.OrdinalIgnoreCase);

    // A multi-targeting project is analyzed in one inner build, whose TargetFramework is only the first of its
    // frameworks: the whole list (handed over '|'-separated, see build/ContainerAnalyzers.targets) comes first.
    private IReadOnlyList<TargetFrameworkMoniker> ReadTargetFrameworks()
    {
        var list = Get("ContainerAnalyzersTargetFrameworks") ?? Get("TargetFrameworks") ?? Get("TargetFramework");
        if (list is null)
        {
            return Array.Empty<TargetFrameworkMoniker>();
        }

        return list.Split(new[] { ';', '|' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(t => TargetFrameworkMoniker.Parse(t.Trim()))
            .Where(t => t.Name.Length > 0)
            .ToArray();
    }

    /// <summary>What only the project file's text says, read once on first use.</summary>
    private sealed class ProjectTextFacts
    {
        public bool ReferencesAspNetCore { get; private set; }

        public bool UsesSdkContainerPublishing { get; private set; }

        public IReadOnlyList<string> ProjectReferences { get; private set; } = Array.Empty<string>();

        public IReadOnlyList<string> ContainerPorts { get; private set; } = Array.Empty<string>();

        public Dictionary<string, SourceSpan> ContainerPropertySpans { get; } = new(StringComparer.OrdinalIgnoreCase);

        public SourceSpan ProjectElementSpan { get; private set; }

        /// <summary>Whether the text was parsed at all (a file naming none of the elements read is not).</summary>
        public bool ParsedXml { get; private set; }

        // The elements this reads. A project file that names none of them (most do not) is not parsed at all.
        private static readonly string[] ElementNames =
        {
            "FrameworkReference", "ProjectReference", "ContainerPort", "ContainerBaseImage", "ContainerFamily", "ContainerUser",
            "EnableSdkContainerSupport", "ContainerRepository", "ContainerImageTag", "PublishProfile",
        };

        /// <summary>The facts of the text; with <paramref name="rootOnly"/>, only where the root element opens.</summary>
        public static ProjectTextFacts Read(string? projectText, bool rootOnly)
        {
            var facts = new ProjectTextFacts();
            if (string.IsNullOrEmpty(projectText) || (!rootOnly && !ElementNames.Any(name => projectText!.IndexOf(name, StringComparison.Ordinal) >= 0)))
            {
                return facts;
            }

            // In its own method: the first call of a method that names System.Xml's types loads System.Xml, whichever
            // branch it takes.
            return ReadXml(facts, projectText!, rootOnly);
        }

        private static ProjectTextFacts ReadXml(ProjectTextFacts facts, string projectText, bool rootOnly)
        {
            facts.ParsedXml = true;
            var references = new List<string>();
            var ports = new List<string>();
            try
            {
                using var reader = XmlReader.Create(new StringReader(projectText), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true });
                var lineInfo = reader as IXmlLineInfo;
                var sawRoot = false;
                while (reader.Read())
                {
                    if (reader.NodeType != XmlNodeType.Element)
                    {
                        continue;
                    }

                    if (!sawRoot)
                    {
                        sawRoot = true;
                        if (lineInfo is not null && lineInfo.HasLineInfo())
                        {
                            // LinePosition is the one-based column of the name; the element starts at its '<'.
                            var start = PositionOf(projectText!, lineInfo.LineNumber, lineInfo.LinePosition - 2);
                            facts.ProjectElementSpan = new SourceSpan(start, Math.Min(1 + reader.Name.Length, projectText!.Length - start));
                        }

                        if (rootOnly)
                        {
                            return facts;
                        }
                    }

                    switch (reader.LocalName)
                    {
                        case "FrameworkReference" when string.Equals(reader.GetAttribute("Include"), "Microsoft.AspNetCore.App", StringComparison.OrdinalIgnoreCase):
                            facts.ReferencesAspNetCore = true;
                            break;
                        case "ProjectReference" when reader.GetAttribute("Include") is { Length: > 0 } include:
                            references.Add(include);
                            break;
                        case "ContainerPort" when reader.GetAttribute("Include") is { Length: > 0 } port:
                            ports.Add(port);
                            facts.UsesSdkContainerPublishing = true;
                            break;
                        case "ContainerBaseImage":
                        case "ContainerFamily":
                        case "ContainerUser":
                            if (lineInfo is not null && lineInfo.HasLineInfo())
                            {
                                var start = PositionOf(projectText!, lineInfo.LineNumber, lineInfo.LinePosition - 2);
                                var close = projectText!.IndexOf("</" + reader.LocalName, start, StringComparison.OrdinalIgnoreCase);
                                var end = close < 0 ? Math.Min(projectText.Length, start + reader.LocalName.Length + 2) : projectText.IndexOf('>', close) + 1;
                                facts.ContainerPropertySpans[reader.LocalName] = SourceSpan.FromBounds(start, Math.Max(start, end));
                            }

                            facts.UsesSdkContainerPublishing |= reader.LocalName != "ContainerUser";
                            break;
                        case "EnableSdkContainerSupport":
                        case "ContainerRepository":
                        case "ContainerImageTag":
                        case "ContainerImageTags":
                            facts.UsesSdkContainerPublishing = true;
                            break;
                        case "PublishProfile":
                            if (string.Equals(reader.ReadElementContentAsString().Trim(), "DefaultContainer", StringComparison.OrdinalIgnoreCase))
                            {
                                facts.UsesSdkContainerPublishing = true;
                            }

                            break;
                    }
                }
            }
            catch (XmlException)
            {
                // A half-typed project file: keep what was read so far.
            }

            facts.ProjectReferences = references;
            facts.ContainerPorts = ports;
            return facts;
        }
    }

    private static int PositionOf(string text, int oneBasedLine, int column)
    {
        var line = 1;
        for (var i = 0; i < text.Length; i++)
        {
            if (line == oneBasedLine)
            {
                return Math.Min(text.Length, i + Math.Max(0, column));
            }

            if (text[i] == '\n')
            {
                line++;
            }
        }

        return 0;
    }
}

/// <summary>A target framework such as <c>net8.0</c>, <c>net10.0-windows</c> or <c>netcoreapp3.1</c>.</summary>
public sealed class TargetFrameworkMoniker
{
    private TargetFrameworkMoniker(string name, int? major, int? minor, string? platform, bool isDotnetCore)
    {
        Name = name;
        Major = major;
        Minor = minor;
        Platform = platform;
        IsDotnetCore = isDotnetCore;
    }

    public string Name { get; }

    public int? Major { get; }

    public int? Minor { get; }

    /// <summary>The OS suffix (<c>windows</c>, <c>android</c>), or null.</summary>
    public string? Platform { get; }

    /// <summary>True for .NET Core 1.0–3.1 and .NET 5+; false for .NET Framework and .NET Standard.</summary>
    public bool IsDotnetCore { get; }

    public string? Version => Major is { } major ? major.ToString(CultureInfo.InvariantCulture) + "." + (Minor ?? 0).ToString(CultureInfo.InvariantCulture) : null;

    public static TargetFrameworkMoniker Parse(string name)
    {
        var lower = name.ToLowerInvariant();
        string? platform = null;
        var dash = lower.IndexOf('-');
        var core = lower;
        if (dash >= 0)
        {
            platform = lower.Substring(dash + 1);
            core = lower.Substring(0, dash);
        }

        string? digits = null;
        if (core.StartsWith("netcoreapp", StringComparison.Ordinal))
        {
            digits = core.Substring("netcoreapp".Length);
        }
        else if (core.StartsWith("net", StringComparison.Ordinal) && !core.StartsWith("netstandard", StringComparison.Ordinal) && core.IndexOf('.') > 0)
        {
            digits = core.Substring(3);
        }

        if (digits is not null)
        {
            var pieces = digits.Split('.');
            if (pieces.Length >= 2
                && int.TryParse(pieces[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
                && int.TryParse(pieces[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
            {
                return new TargetFrameworkMoniker(name, major, minor, platform, isDotnetCore: true);
            }
        }

        return new TargetFrameworkMoniker(name, null, null, platform, isDotnetCore: false);
    }

    /// <summary>
    /// The highest version among <paramref name="frameworks"/> that have one (of equals, the last), or null. A loop, not
    /// OrderBy over int? keys: LINQ's generic code over a value type is JIT-compiled in every fresh compiler process.
    /// </summary>
    public static TargetFrameworkMoniker? Highest(IEnumerable<TargetFrameworkMoniker> frameworks)
    {
        TargetFrameworkMoniker? highest = null;
        foreach (var framework in frameworks)
        {
            if (framework.Major is { } major
                && (highest?.Major is not { } highestMajor || major > highestMajor || (major == highestMajor && (framework.Minor ?? -1) >= (highest.Minor ?? -1))))
            {
                highest = framework;
            }
        }

        return highest;
    }

    public override string ToString() => Name;
}

/// <summary>What a project file leaves for the build files above it to say.</summary>
public sealed class ProjectFileGaps
{
    /// <summary>No TargetFramework or TargetFrameworks element: it comes from Directory.Build.props.</summary>
    public bool NoTargetFramework { get; private set; }

    /// <summary>A PackageReference Include without Version or VersionOverride: central package management versions it.</summary>
    public bool UnversionedPackageReference { get; private set; }

    /// <summary>
    /// The files the build cannot do without that the project includes from outside its folder, by a literal path
    /// (<c>&lt;AdditionalFiles Include="..\stylecop.json" /&gt;</c>): Compile and AdditionalFiles (CS2001 when missing)
    /// and EmbeddedResource (MSB3552). As (item type, path as written, with '/').
    /// </summary>
    public IReadOnlyList<(string ItemType, string Include)> ItemsFromOutside => _itemsFromOutside;

    private readonly List<(string, string)> _itemsFromOutside = new();

    private static readonly string[] RequiredItemTypes = { "Compile", "AdditionalFiles", "EmbeddedResource" };

    public static ProjectFileGaps? Read(string? projectText)
    {
        if (string.IsNullOrEmpty(projectText))
        {
            return null;
        }

        var gaps = new ProjectFileGaps { NoTargetFramework = true };
        try
        {
            using var reader = XmlReader.Create(new StringReader(projectText), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true });

            // Inside a condition or a target an item may not be there: only unconditional items count.
            var conditionalAt = -1;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == conditionalAt)
                {
                    conditionalAt = -1;
                    continue;
                }

                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (conditionalAt < 0 && !reader.IsEmptyElement
                    && (reader.LocalName is "Target" or "Choose" || (reader.LocalName == "ItemGroup" && reader.GetAttribute("Condition") is not null)))
                {
                    conditionalAt = reader.Depth;
                }

                if (reader.LocalName is "TargetFramework" or "TargetFrameworks")
                {
                    gaps.NoTargetFramework = false;
                }
                else if (conditionalAt < 0 && Array.IndexOf(RequiredItemTypes, reader.LocalName) >= 0 && reader.GetAttribute("Include") is { Length: > 0 } item
                    && reader.GetAttribute("Condition") is null && item.Replace('\\', '/').StartsWith("../", StringComparison.Ordinal)
                    && item.IndexOfAny(new[] { '*', '?', '$', '@', '%', ';' }) < 0)
                {
                    gaps._itemsFromOutside.Add((reader.LocalName, item.Replace('\\', '/')));
                }
                else if (reader.LocalName == "PackageReference" && reader.GetAttribute("Include") is { Length: > 0 }
                    && reader.GetAttribute("Version") is null && reader.GetAttribute("VersionOverride") is null && !HasVersionElement(reader))
                {
                    gaps.UnversionedPackageReference = true;
                }
            }
        }
        catch (XmlException)
        {
            // Not a project file MSBuild could read either: nothing about it is certain.
            return null;
        }

        return gaps;

        static bool HasVersionElement(XmlReader reader)
        {
            if (reader.IsEmptyElement)
            {
                return false;
            }

            using var children = reader.ReadSubtree();
            while (children.Read())
            {
                if (children.NodeType == XmlNodeType.Element && children.LocalName is "Version" or "VersionOverride")
                {
                    return true;
                }
            }

            return false;
        }
    }
}

/// <summary>
/// What a project file's own text sets for the Release configuration: the configuration-dependent properties of a
/// PropertyGroup (or a property) whose condition is <c>'$(Configuration)' == 'Release'</c> (or <c>'$(Configuration)|$(Platform)'
/// == 'Release|…'</c>). A value with a property reference, or such a property under any other condition on the
/// configuration, is "?" (not known); other conditions apply alike in every configuration. Null when the text sets
/// none of those properties under a condition on the configuration.
/// </summary>
internal static class ReleaseConfigurationText
{
    public static Dictionary<string, string>? Read(string? projectText)
    {
        // A text test first: most project files name no configuration, and System.Xml costs a fresh process ~15 ms.
        // The reading is in another class: a method that names System.Xml's types loads System.Xml when it is first
        // called, whichever branch runs, and the class's regex would be built on first call too (the first regex of a
        // fresh compiler process costs ~15 ms).
        if (string.IsNullOrEmpty(projectText) || projectText!.IndexOf("Configuration", StringComparison.Ordinal) < 0
            || !ProjectFacts.ConfigurationProperties.Any(p => projectText.IndexOf(p, StringComparison.Ordinal) >= 0))
        {
            return null;
        }

        return FromXml.Read(projectText);
    }

    private static class FromXml
    {
        private static readonly System.Text.RegularExpressions.Regex ReleaseCondition = new(
            @"^\s*'\$\(Configuration\)(\|\$\(Platform\))?'\s*==\s*'Release(\|[^']*)?'\s*$",
            System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.IgnoreCase);

        public static Dictionary<string, string>? Read(string projectText)
        {
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            try
            {
                using var reader = XmlReader.Create(new StringReader(projectText), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true });
                string? groupCondition = null;
                var groupDepth = -1;
                while (reader.Read())
                {
                    if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == groupDepth)
                    {
                        groupCondition = null;
                        groupDepth = -1;
                        continue;
                    }

                    if (reader.NodeType != XmlNodeType.Element)
                    {
                        continue;
                    }

                    if (reader.LocalName == "PropertyGroup" && !reader.IsEmptyElement)
                    {
                        groupCondition = reader.GetAttribute("Condition");
                        groupDepth = reader.Depth;
                        continue;
                    }

                    if (groupDepth < 0 || reader.Depth != groupDepth + 1 || !ProjectFacts.ConfigurationProperties.Contains(reader.LocalName, StringComparer.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    var name = reader.LocalName;
                    var condition = reader.GetAttribute("Condition") ?? groupCondition;
                    var value = reader.IsEmptyElement ? string.Empty : reader.ReadElementContentAsString().Trim();
                    if (condition is null)
                    {
                        continue;
                    }

                    if (condition.IndexOf("Configuration", StringComparison.OrdinalIgnoreCase) < 0)
                    {
                        // Another condition (a platform, a property) applies alike in every configuration: the evaluated value stands.
                        continue;
                    }

                    if (ReleaseCondition.IsMatch(condition) && value.IndexOf('$') < 0)
                    {
                        values[name] = value;
                    }
                    else
                    {
                        values[name] = "?";
                    }
                }
            }
            catch (XmlException)
            {
                return null;
            }

            return values.Count == 0 ? null : values;
        }
    }
}
