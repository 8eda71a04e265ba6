using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ContainerAnalyzers.CodeFixes;

/// <summary>
/// Fix All for the container fixes, in a project or across a solution. The built-in batch fixer merges source
/// document edits only; these fixes edit and add additional documents, so each project in scope is fixed in turn
/// on the same solution. A project has one Dockerfile, so document scope means the document's project. A project is touched only when one of the fixable rules reports it.
/// </summary>
internal sealed class DockerfileFixAllProvider : FixAllProvider
{
    public static DockerfileFixAllProvider Instance { get; } = new();

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        if (WorkspaceDockerfiles.ParseEquivalenceKey(fixAllContext.CodeActionEquivalenceKey) is not { } action)
        {
            return Task.FromResult<CodeAction?>(null);
        }

        var projects = fixAllContext.Scope == FixAllScope.Solution
            ? fixAllContext.Solution.Projects.ToArray()
            : new[] { fixAllContext.Project };
        var solution = fixAllContext.Solution;
        return Task.FromResult<CodeAction?>(CodeAction.Create(
            WorkspaceDockerfiles.Title(action),
            async cancellationToken =>
            {
                var fixedSolution = solution;
                foreach (var project in projects)
                {
                    fixedSolution = await WorkspaceDockerfiles.ApplyAsync(fixedSolution, project.Id, action, dockerfilePath: null, onlyWhenNeeded: true, cancellationToken).ConfigureAwait(false) ?? fixedSolution;
                }

                return fixedSolution;
            },
            fixAllContext.CodeActionEquivalenceKey));
    }
}
