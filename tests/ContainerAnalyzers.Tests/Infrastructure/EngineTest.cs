using ContainerAnalyzers.Projects;
using ContainerAnalyzers.Rules;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Infrastructure;

/// <summary>
/// The engine-level test builder: a project's facts, then a Dockerfile analysed by the rules (all of them, or some)
/// through the same <see cref="RuleHost"/> pass the analyzer runs, suppression included. Every run also checks the
/// invariants any finding must keep, whatever the test asserts:
/// <list type="bullet">
/// <item>its location lies inside the file;</item>
/// <item>its rule is a row of the rule table, and its message formats;</item>
/// <item>each of its Dockerfile fixes applies to the text, the result parses, and re-analysing it raises no warning
/// from a rule that did not warn before (a fix may leave other findings, never add one).</item>
/// </list>
/// (hadolint's <c>ruleCatches</c> and Meziantou's ProjectBuilder check the same kind of thing on every run.)
/// </summary>
internal sealed class EngineTest
{
    private readonly Dictionary<string, string> _properties;
    private string _projectPath = "/src/App/App.csproj";
    private string? _projectText;
    private SourceEvidence? _source;
    private bool? _hasDockerIgnore;
    private readonly List<AppSettingsFile> _appSettings = new();
    private readonly List<Compose.ComposeFile> _composeFiles = new();

    private EngineTest(IReadOnlyDictionary<string, string> properties)
        => _properties = new Dictionary<string, string>(properties, StringComparer.OrdinalIgnoreCase);

    /// <summary>The properties of an executable project /src/App/App.csproj (a web project unless <paramref name="web"/> is false).</summary>
    public static Dictionary<string, string> AppProperties(string targetFramework = "net8.0", bool web = true) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["MSBuildProjectFullPath"] = "/src/App/App.csproj",
        ["MSBuildProjectName"] = "App",
        ["TargetFramework"] = targetFramework,
        ["OutputType"] = "Exe",
        ["UsingMicrosoftNETSdkWeb"] = web ? "true" : "false",
    };

    /// <summary>An executable project App (a web project unless <paramref name="web"/> is false).</summary>
    public static EngineTest ForApp(string targetFramework = "net8.0", bool web = true) => new(AppProperties(targetFramework, web));

    /// <summary>A project given by its MSBuild properties; its path is MSBuildProjectFullPath when they set it.</summary>
    public static EngineTest ForProperties(IReadOnlyDictionary<string, string> properties)
    {
        var test = new EngineTest(properties);
        if (properties.TryGetValue("MSBuildProjectFullPath", out var path))
        {
            test._projectPath = path;
        }

        return test;
    }

    public EngineTest WithProperty(string name, string value)
    {
        _properties[name] = value;
        return this;
    }

    public EngineTest WithProject(string path, string? text)
    {
        _projectPath = path;
        _projectText = text;
        return this;
    }

    /// <summary>What the C# sources show (the analyzer searches the compilation; none by default).</summary>
    public EngineTest WithSource(SourceEvidence source)
    {
        _source = source;
        return this;
    }

    /// <summary>An appsettings file of the project, read as the analyzer reads it.</summary>
    public EngineTest WithAppSettings(string json, string fileName = "appsettings.json")
    {
        _appSettings.Add(AppSettingsReader.Read(fileName, json)!);
        return this;
    }

    /// <summary>A compose file of the project (the Dockerfile rules read the services that run the Dockerfile at /src/App/Dockerfile).</summary>
    public EngineTest WithCompose(string text, string path = "/src/App/docker-compose.yml")
    {
        _composeFiles.Add(Compose.ComposeFile.Parse(path, text));
        return this;
    }

    /// <summary>
    /// The compose rules over <paramref name="compose"/> (at <paramref name="composePath"/>, with the other compose files
    /// of the repository) for the project's Dockerfile at /src/App/Dockerfile, with the invariants: each finding lies
    /// inside the file, is a table row whose message formats, and each of its fixes applies and leaves no compose warning
    /// from the same rule on that line.
    /// </summary>
    public IReadOnlyList<RuleFinding> AnalyzeCompose(string dockerfile, string compose, string composePath = "/src/App/docker-compose.yml", params (string Path, string Text)[] others)
    {
        var findings = RunCompose(dockerfile, compose, composePath, others);
        foreach (var finding in findings)
        {
            Assert.That(finding.Span.Start, Is.InRange(0, compose.Length), $"{finding.Rule.Id} starts inside the file");
            Assert.That(finding.Span.End, Is.InRange(finding.Span.Start, compose.Length), $"{finding.Rule.Id} ends inside the file");
            Assert.That(AllRules.Descriptors, Does.Contain(finding.Rule), $"{finding.Rule.Id} is a row of the rule table");
            Assert.That(finding.GetMessage, Throws.Nothing, $"{finding.Rule.Id}'s arguments fit its format");
            foreach (var fix in finding.Fixes)
            {
                Assert.That(fix.Target, Is.EqualTo(RuleFixTarget.ComposeFile), "a compose finding's fix edits the compose file");
                var fixedText = fix.ApplyTo(compose);
                Assert.That(fixedText, Is.Not.Null, $"{finding.Rule.Id}'s fix '{fix.Title}' applies to the text it was computed on");
                var left = RunCompose(dockerfile, fixedText!, composePath, others).Where(f => f.Severity >= RuleSeverity.Warning && f.Rule == finding.Rule && f.Span.Start == finding.Span.Start);
                Assert.That(left, Is.Empty, $"{finding.Rule.Id}'s fix '{fix.Title}' resolves it:\n{fixedText}");
            }
        }

        TestContext.Out.WriteLine(findings.Count == 0 ? "no diagnostics" : string.Join("\n", findings.Select(f => $"{f.Rule.Id} ({f.Severity}) {f.GetMessage()}")));
        return findings;
    }

    private List<RuleFinding> RunCompose(string dockerfile, string compose, string composePath, IReadOnlyList<(string Path, string Text)> others)
    {
        var analysis = new DockerfileAnalysis(DockerfileModel.Create(DockerfileParser.Parse(dockerfile)), Facts, _source ?? CodeSource.None, _hasDockerIgnore) { AppSettings = _appSettings };
        var file = Compose.ComposeFile.Parse(composePath, compose);
        var all = new[] { file }.Concat(others.Select(o => Compose.ComposeFile.Parse(o.Path, o.Text))).ToList();
        var composeAnalysis = ComposeAnalysis.Create(file, all, new Dictionary<string, DockerfileAnalysis> { ["/src/App/Dockerfile"] = analysis }, Facts);
        return ComposeRuleHost.Run(composeAnalysis, AllRules.ComposeRules, CancellationToken.None);
    }

    /// <summary>Whether the build context has a .dockerignore (unknown by default, as for files added by hand).</summary>
    public EngineTest WithDockerIgnore(bool? hasDockerIgnore)
    {
        _hasDockerIgnore = hasDockerIgnore;
        return this;
    }

    public ProjectFacts Facts => ProjectFacts.Create(p => _properties.TryGetValue(p, out var v) ? v : null, _projectPath, _projectText);

    /// <summary>The unsuppressed findings of the rules (every Dockerfile rule by default), after the invariants hold.</summary>
    public IReadOnlyList<RuleFinding> Analyze(string dockerfile, params DockerfileRule[] rules)
    {
        var findings = Run(dockerfile, rules);
        CheckInvariants(dockerfile, rules, findings);
        return findings;
    }

    /// <summary>Findings as "CTRxxxx (Severity) message", written to the test output too.</summary>
    public string[] Describe(string dockerfile, params DockerfileRule[] rules)
    {
        var lines = Analyze(dockerfile, rules).Select(f => $"{f.Rule.Id} ({f.Severity}) {f.GetMessage()}").ToArray();
        TestContext.Out.WriteLine(lines.Length == 0 ? "no diagnostics" : string.Join("\n", lines));
        return lines;
    }

    /// <summary>Only the warnings and errors, as "CTRxxxx: message": what fails a build.</summary>
    public IEnumerable<string> Warnings(string dockerfile)
        => Analyze(dockerfile).Where(f => f.Severity >= RuleSeverity.Warning).Select(f => f.Rule.Id + ": " + f.GetMessage());

    private List<RuleFinding> Run(string dockerfile, IReadOnlyList<DockerfileRule> rules)
    {
        var analysis = new DockerfileAnalysis(DockerfileModel.Create(DockerfileParser.Parse(dockerfile)), Facts, _source, _hasDockerIgnore)
        {
            AppSettings = _appSettings,
            ComposeFiles = _composeFiles,
            DockerfilePath = "/src/App/Dockerfile",
        };
        return RuleHost.Run(analysis, rules.Count == 0 ? AllRules.DockerfileRules : rules, CancellationToken.None);
    }

    // A warning a fix reveals rather than causes, and which the fix must not decide for the user. The one case:
    // retagging to a .NET 8+ image (CTR0020) makes the image's non-root user available, and switching to it (CTR0033's
    // own fix) can break an app that writes to its folder, so it stays a separate decision.
    private static bool IsFollowUp(string fixedRule, string newRule) => (fixedRule, newRule) is ("CTR0020", "CTR0033");

    private void CheckInvariants(string dockerfile, IReadOnlyList<DockerfileRule> rules, IReadOnlyList<RuleFinding> findings)
    {
        // The fix self-check (issue 16) asks every rule, not just the ones under test: a fix that trades its warning
        // for another rule's is a bug in the fix.
        var warnedBefore = findings.Any(f => f.Fixes.Count > 0)
            ? new HashSet<string>(Run(dockerfile, Array.Empty<DockerfileRule>()).Where(f => f.Severity >= RuleSeverity.Warning).Select(f => f.Rule.Id))
            : new HashSet<string>();
        foreach (var finding in findings)
        {
            Assert.That(finding.Span.Start, Is.InRange(0, dockerfile.Length), $"{finding.Rule.Id} starts inside the file");
            Assert.That(finding.Span.End, Is.InRange(finding.Span.Start, dockerfile.Length), $"{finding.Rule.Id} ends inside the file");
            Assert.That(AllRules.Descriptors, Does.Contain(finding.Rule), $"{finding.Rule.Id} is a row of the rule table");
            Assert.That(finding.GetMessage, Throws.Nothing, $"{finding.Rule.Id}'s arguments fit its format");
            foreach (var fix in finding.Fixes.Where(f => f.Target == RuleFixTarget.Dockerfile))
            {
                var fixedText = fix.ApplyTo(dockerfile);
                Assert.That(fixedText, Is.Not.Null, $"{finding.Rule.Id}'s fix '{fix.Title}' applies to the text it was computed on");
                var added = Run(fixedText!, Array.Empty<DockerfileRule>())
                    .Where(f => f.Severity >= RuleSeverity.Warning && !warnedBefore.Contains(f.Rule.Id) && !IsFollowUp(finding.Rule.Id, f.Rule.Id))
                    .Select(f => f.Rule.Id + ": " + f.GetMessage());
                Assert.That(added, Is.Empty, $"{finding.Rule.Id}'s fix '{fix.Title}' adds no warning:\n{fixedText}");
            }
        }
    }
}

/// <summary>Source evidence with the endpoints the code pins and the time zones it looks up (none by default).</summary>
internal sealed class CodeSource : SourceEvidence
{
    private readonly CodeEndpoints _endpoints;
    private readonly IReadOnlyList<(string Id, string Where)> _timeZones;
    private readonly IReadOnlyList<(string Name, string Where)> _cultures;

    private readonly string? _dataProtection;
    private readonly string? _sqlClient;
    private readonly SqliteUse? _sqlite;
    private readonly IReadOnlyList<(string Path, string Where)> _fileWrites;
    private readonly IReadOnlyList<(string Id, string Where)> _nodaTimeBcl;

    public CodeSource(CodeEndpoints endpoints, IReadOnlyList<(string Id, string Where)>? timeZones = null, IReadOnlyList<(string Name, string Where)>? cultures = null, string? dataProtection = null, string? sqlClient = null, SqliteUse? sqlite = null, IReadOnlyList<(string Path, string Where)>? fileWrites = null, IReadOnlyList<(string Id, string Where)>? nodaTimeBcl = null)
    {
        _nodaTimeBcl = nodaTimeBcl ?? Array.Empty<(string, string)>();
        _fileWrites = fileWrites ?? Array.Empty<(string, string)>();
        _sqlite = sqlite;
        _dataProtection = dataProtection;
        _sqlClient = sqlClient;
        _endpoints = endpoints;
        _timeZones = timeZones ?? Array.Empty<(string, string)>();
        _cultures = cultures ?? Array.Empty<(string, string)>();
    }

    public static new CodeSource None { get; } = new(CodeEndpoints.None);

    public static CodeSource Listening(params int[] ports) => new(new CodeEndpoints(ports, Array.Empty<string>()));

    public static CodeSource TimeZones(params (string Id, string Where)[] lookups) => new(CodeEndpoints.None, lookups);

    public override bool? MentionsAny(IReadOnlyList<string> words) => false;

    public override CodeEndpoints? Endpoints => _endpoints;

    public override IReadOnlyList<(string Id, string Where)>? TimeZoneLookups => _timeZones;

    public override IReadOnlyList<(string Name, string Where)>? CultureCreations => _cultures;

    public override string? DataProtectionUse => _dataProtection;

    public override string? SqlClientUse => _sqlClient;

    public override SqliteUse? Sqlite => _sqlite;

    public override IReadOnlyList<(string Path, string Where)>? FileWrites => _fileWrites;

    public override IReadOnlyList<(string Id, string Where)>? NodaTimeBclLookups => _nodaTimeBcl;

    /// <summary>Code that opens a SQLite database by the named connection string, or a literal one, and writes with <paramref name="write"/>.</summary>
    public static CodeSource SqliteDatabase(string? name = "Default", string? literal = null, string? write = "SaveChanges")
        => new(CodeEndpoints.None, sqlite: new SqliteUse(new[] { new SqliteOpening("UseSqlite", "Program.cs:9", literal is null ? name : null, literal) }, write));

    /// <summary>Code that uses Data Protection through <paramref name="call"/> and does not persist the keys.</summary>
    public static CodeSource DataProtection(string call) => new(CodeEndpoints.None, dataProtection: call);
}
