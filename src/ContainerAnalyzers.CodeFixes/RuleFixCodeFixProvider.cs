using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using ContainerAnalyzers.Infrastructure;
using ContainerAnalyzers.Rules;
using ContainerAnalyzers.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace ContainerAnalyzers.CodeFixes;

/// <summary>
/// The fixes that are a single edit computed by the rule itself (retag an image, correct an assembly name, declare
/// InvariantGlobalization…), carried in the diagnostic's properties. Offered on the Dockerfile (an additional
/// document); a fix may edit the project file instead, which the package also passes as an additional document.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RuleFixCodeFixProvider), DocumentKinds = new[] { nameof(TextDocumentKind.AdditionalDocument) })]
[Shared]
public sealed class RuleFixCodeFixProvider : CodeFixProvider
{
    // The rules whose findings carry their own edits, from the rule table.
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = AllRules.Descriptors
        .Where(r => r.FixKind is RuleFixKind.Edit or RuleFixKind.EditByChoice).Select(r => r.Id).ToImmutableArray();

    // Each edit depends on the text it was computed on; a batch would need recomputation, so none is offered.
    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.TextDocument;
        foreach (var diagnostic in context.Diagnostics)
        {
            foreach (var fix in FixProperties.Read(diagnostic.Properties))
            {
                var target = fix.Target == RuleFixTarget.ProjectFile
                    ? WorkspaceDockerfiles.FindDocuments(document.Project, AdditionalFileKind.ProjectFile).FirstOrDefault()
                    : document;
                if (target is null || (fix.Target == RuleFixTarget.Dockerfile && !await WorkspaceDockerfiles.IsSafeEditAsync(document, fix, context.CancellationToken).ConfigureAwait(false)))
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        fix.Title,
                        async cancellationToken =>
                        {
                            var text = await target.GetTextAsync(cancellationToken).ConfigureAwait(false);
                            var solution = target.Project.Solution;
                            return fix.ApplyTo(text.ToString()) is { } newText
                                ? solution.WithAdditionalDocumentText(target.Id, SourceText.From(newText, text.Encoding))
                                : solution;
                        },
                        WorkspaceDockerfiles.EquivalenceKeyPrefix + "Edit." + diagnostic.Id + "." + fix.Title),
                    diagnostic);
            }
        }

    }
}
