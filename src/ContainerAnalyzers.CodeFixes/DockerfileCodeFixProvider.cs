using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using System.Linq;
using ContainerAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ContainerAnalyzers.CodeFixes;

/// <summary>
/// Road 1: the fixes for the Dockerfile diagnostics themselves (CTR0001, CTR0002, and the .dockerignore for CTR0042)
/// and for CTR0003 on the project file, offered on additional documents for the hosts that show code fixes there.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DockerfileCodeFixProvider), DocumentKinds = new[] { nameof(TextDocumentKind.AdditionalDocument) })]
[Shared]
public sealed class DockerfileCodeFixProvider : CodeFixProvider
{
    // The rules the generator fixes, reported in the Dockerfile or the project file (CTR0009, reported in code, has its own provider).
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = AllRules.Descriptors
        .Where(r => r.FixKind is RuleFixKind.Rewrite or RuleFixKind.NewFile && (r.Inputs & RuleInputs.Code) == 0).Select(r => r.Id).ToImmutableArray();

    public override FixAllProvider GetFixAllProvider() => DockerfileFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.TextDocument;
        foreach (var diagnostic in context.Diagnostics)
        {
            var actions = diagnostic.Id switch
            {
                RuleIds.ProjectHasNoDockerfile => WorkspaceDockerfiles.GetCreateActions(document.Project, context.CancellationToken),
                RuleIds.NoDockerIgnore => WorkspaceDockerfiles.GetDockerIgnoreActions(document),
                _ => await WorkspaceDockerfiles.GetDockerfileActionsAsync(document, context.CancellationToken).ConfigureAwait(false),
            };
            foreach (var (action, title) in actions)
            {
                var projectId = document.Project.Id;
                var solution = document.Project.Solution;
                var dockerfilePath = diagnostic.Id == RuleIds.ProjectHasNoDockerfile ? null : document.FilePath;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        title,
                        async cancellationToken => await WorkspaceDockerfiles.ApplyAsync(solution, projectId, action, dockerfilePath, onlyWhenNeeded: false, cancellationToken).ConfigureAwait(false) ?? solution,
                        WorkspaceDockerfiles.EquivalenceKey(action)),
                    diagnostic);
            }
        }
    }
}
