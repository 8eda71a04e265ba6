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
/// or adds the id to such a comment already there. Offered last, for every diagnostic located in a Dockerfile or a
/// compose file (there above the line, at its indentation).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SuppressCodeFixProvider), DocumentKinds = new[] { nameof(TextDocumentKind.AdditionalDocument) })]
[Shared]
public sealed class SuppressCodeFixProvider : CodeFixProvider
{
    // Every rule reported in a Dockerfile or a compose file, where a comment can suppress it (not the project file, not code).
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = AllRules.Descriptors
        .Where(r => (r.Inputs & (RuleInputs.Dockerfile | RuleInputs.Compose)) != 0).Select(r => r.Id).ToImmutableArray();

    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.TextDocument;
        var text = await document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
        // A compose file is YAML: its comment goes above the line, indented like it.
        var isCompose = document.FilePath is { } path && Infrastructure.AdditionalFileKinds.ClassifyByName(path) == Infrastructure.AdditionalFileKind.Compose;
        var tree = isCompose ? null : DockerfileParser.Parse(text.ToString(), context.CancellationToken);
        foreach (var diagnostic in context.Diagnostics)
        {
            var span = diagnostic.Location.SourceSpan;
            var at = new SourceSpan(span.Start, span.Length);
            if ((tree is null ? Compose.ComposeSuppressions.CreateSuppressFix(text.ToString(), diagnostic.Id, at) : SuppressionFixes.CreateSuppressFix(tree, diagnostic.Id, at)) is not { } fix)
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
