using System.Collections.Immutable;
using System.Text;
using ContainerAnalyzers.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ContainerAnalyzers.Tests.Infrastructure;

/// <summary>
/// A small workspace harness for what the Microsoft.CodeAnalysis.Testing verifiers cannot do: they never invoke a
/// fix for a diagnostic located in an additional file. This runs every analyzer of the package on an AdhocWorkspace
/// project, builds the CodeFixContext on the additional document as an IDE does, and applies the chosen action.
/// </summary>
internal sealed class WorkspaceHarness : IDisposable
{
    public const string ProjectDirectory = "/src/App";

    private readonly AdhocWorkspace _workspace = new();

    public WorkspaceHarness(IReadOnlyDictionary<string, string> properties, string? dockerfile, string programText = "public static class Program { public static void Main() { } }", string projectText = "<Project Sdk=\"Microsoft.NET.Sdk\" />")
    {
        var projectId = ProjectId.CreateNewId();
        var solution = _workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "App", "App", LanguageNames.CSharp, filePath: ProjectDirectory + "/App.csproj")
                .WithCompilationOptions(new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.ConsoleApplication))
                .WithMetadataReferences(NetReferenceAssemblies.Net80))
            .AddDocument(DocumentId.CreateNewId(projectId), "Program.cs", SourceText.From(programText), filePath: ProjectDirectory + "/Program.cs")
            .AddAdditionalDocument(DocumentId.CreateNewId(projectId), "App.csproj", SourceText.From(projectText), filePath: ProjectDirectory + "/App.csproj");
        if (dockerfile is not null)
        {
            solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId), "Dockerfile", SourceText.From(dockerfile), filePath: ProjectDirectory + "/Dockerfile");
        }

        var config = new StringBuilder("is_global = true\n");
        foreach (var (name, value) in properties)
        {
            config.Append("build_property.").Append(name).Append(" = ").Append(value).Append('\n');
        }

        solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".globalconfig", SourceText.From(config.ToString()), filePath: "/.globalconfig");
        if (!_workspace.TryApplyChanges(solution))
        {
            throw new InvalidOperationException("could not set up the workspace");
        }

        ProjectId = projectId;
    }

    public ProjectId ProjectId { get; }

    /// <summary>Adds another additional document (a compose file, an appsettings.json) at a full path.</summary>
    public WorkspaceHarness WithAdditionalDocument(string path, string text)
    {
        var solution = _workspace.CurrentSolution.AddAdditionalDocument(DocumentId.CreateNewId(ProjectId), Path.GetFileName(path), SourceText.From(text), filePath: path);
        if (!_workspace.TryApplyChanges(solution))
        {
            throw new InvalidOperationException("could not add " + path);
        }

        return this;
    }

    /// <summary>Adds an assembly the project references (a package's, as restore would bring it).</summary>
    public WorkspaceHarness WithReference(MetadataReference reference)
    {
        if (!_workspace.TryApplyChanges(_workspace.CurrentSolution.AddMetadataReference(ProjectId, reference)))
        {
            throw new InvalidOperationException("could not add the reference");
        }

        return this;
    }

    public Solution Solution => _workspace.CurrentSolution;

    public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers { get; } = typeof(CTR0009DockerfileFixAvailableAnalyzer).Assembly.GetTypes()
        .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project)
    {
        var compilation = await project.GetCompilationAsync() ?? throw new InvalidOperationException("no compilation");
        return await compilation.WithAnalyzers(AllAnalyzers, project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
    }

    /// <summary>The actions a provider registers for one diagnostic on an additional document, as a host asks for them.</summary>
    public static async Task<IReadOnlyList<CodeAction>> GetActionsAsync(CodeFixProvider provider, TextDocument document, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await provider.RegisterCodeFixesAsync(context);
        return actions;
    }

    public static async Task<Solution> ApplyAsync(CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        return operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
    }

    public void Dispose() => _workspace.Dispose();
}
