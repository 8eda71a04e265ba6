using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using ContainerAnalyzers.Rules;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace ContainerAnalyzers.CodeFixes;

/// <summary>
/// "Suppress CTRxxxx for this instruction": writes <c># containeranalyzers ignore=CTRxxxx</c> above the instruction,
/// or adds the id to such a comment already there. Offered last, for every diagnostic located in a Dockerfile.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SuppressCodeFixProvider), DocumentKinds = new[] { nameof(TextDocumentKind.AdditionalDocument) })]
[Shared]
public sealed class SuppressCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = AllRules.Descriptors.Select(r => r.Id)
        .Where(id => id is not RuleIds.ProjectHasNoDockerfile and not RuleIds.DockerfileFixAvailable).ToImmutableArray();

    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.TextDocument;
        var text = await document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
        var tree = DockerfileParser.Parse(text.ToString(), context.CancellationToken);
        foreach (var diagnostic in context.Diagnostics)
        {
            var span = diagnostic.Location.SourceSpan;
            if (SuppressionFixes.CreateSuppressFix(tree, diagnostic.Id, new SourceSpan(span.Start, span.Length)) is not { } fix)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    fix.Title,
                    cancellationToken => Task.FromResult(fix.ApplyTo(text.ToString()) is { } newText
                        ? document.Project.Solution.WithAdditionalDocumentText(document.Id, SourceText.From(newText, text.Encoding))
                        : document.Project.Solution),
                    WorkspaceDockerfiles.EquivalenceKeyPrefix + "Suppress." + diagnostic.Id),
                diagnostic);
        }
    }
}
