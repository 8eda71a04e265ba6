using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using ContainerAnalyzers.Analyzers;
using ContainerAnalyzers.Fixes;
using ContainerAnalyzers.Infrastructure;
using ContainerAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ContainerAnalyzers.CodeFixes;

/// <summary>
/// Road 2: the same fixes from C# code. CTR0009 sits on the program's entry point and names the Dockerfile; its
/// fix edits that additional document (or adds one), the way PublicApiAnalyzers' fixes edit PublicAPI.*.txt.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CTR0009DockerfileFixFromCodeCodeFixProvider))]
[Shared]
public sealed class CTR0009DockerfileFixFromCodeCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.DockerfileFixAvailable);

    public override FixAllProvider GetFixAllProvider() => DockerfileFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var project = context.Document.Project;
        foreach (var diagnostic in context.Diagnostics)
        {
            diagnostic.Properties.TryGetValue(CTR0009DockerfileFixAvailableAnalyzer.DockerfilePathProperty, out var path);
            var dockerfile = string.IsNullOrEmpty(path)
                ? null
                : WorkspaceDockerfiles.FindDocuments(project, AdditionalFileKind.Dockerfile).FirstOrDefault(d => d.FilePath == path);
            // The mirror names what it mirrors: the rewrite's rules, or only warnings whose rules fix them with their own edits.
            diagnostic.Properties.TryGetValue(CTR0009DockerfileFixAvailableAnalyzer.MirroredIdsProperty, out var mirrored);
            var needsRewrite = (mirrored ?? string.Empty).Split(',').Any(id => DockerfileFixes.FixableRuleIds.Contains(id));
            var actions = dockerfile is null
                ? WorkspaceDockerfiles.GetCreateActions(project, context.CancellationToken)
                : needsRewrite
                    ? await WorkspaceDockerfiles.GetDockerfileActionsAsync(dockerfile, context.CancellationToken).ConfigureAwait(false)
                    : new[] { (ContainerFileAction.ApplyRuleFixes, DockerfileFixes.RuleFixesTitle) };
            foreach (var (action, title) in actions)
            {
                var solution = project.Solution;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        title,
                        async cancellationToken => await WorkspaceDockerfiles.ApplyAsync(solution, project.Id, action, dockerfile?.FilePath, onlyWhenNeeded: false, cancellationToken).ConfigureAwait(false) ?? solution,
                        WorkspaceDockerfiles.EquivalenceKey(action)),
                    diagnostic);
            }
        }
    }
}
