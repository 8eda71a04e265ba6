using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using ContainerAnalyzers.Fixes;
using ContainerAnalyzers.Infrastructure;
using ContainerAnalyzers.Rules;
using ContainerAnalyzers.Rules.Definitions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContainerAnalyzers.Analyzers;

/// <summary>
/// CTR0009: a hidden diagnostic on the program's entry point (the first top-level statement, or Main) that
/// mirrors the fixable Dockerfile diagnostics (CTR0001, CTR0002) and CTR0003. Visual Studio shows no light bulb
/// for a diagnostic located in a non-source file, so this is how its users reach the fixes: caret in Program.cs.
/// The approach of Roslyn's PublicApiAnalyzers, whose fixes also edit additional files.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CTR0009DockerfileFixAvailableAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: the mirrored rule ids, comma-separated.</summary>
    public const string MirroredIdsProperty = "MirroredIds";

    /// <summary>Diagnostic property: the Dockerfile to fix; empty when the project has none (CTR0003).</summary>
    public const string DockerfilePathProperty = "DockerfilePath";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.CTR0009);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var mirror = FindMirror(
                start.Compilation,
                start.Options,
                start.Compilation.AssemblyName,
                start.CancellationToken);
            // A library has no entry point, whatever methods it names Main.
            if (mirror is null || start.Compilation.Options.OutputKind is not (OutputKind.ConsoleApplication or OutputKind.WindowsApplication))
            {
                return;
            }

            // Never a callback per method or node, and no walk of a file's declarations unless its text names Main: the
            // cost of the other files is one look at their first member and one search of their text.
            start.RegisterSyntaxTreeAction(tree =>
            {
                if (tree.Tree.Options.Kind != SourceCodeKind.Regular || tree.Tree.GetRoot(tree.CancellationToken) is not CompilationUnitSyntax unit || unit.Members.Count == 0)
                {
                    return;
                }

                // Top-level statements come before any namespace or type: the first member tells.
                var location = unit.Members[0] is GlobalStatementSyntax first ? first.GetLocation()
                    : CodeText.ContainsAny(tree.Tree.GetText(tree.CancellationToken), MainWord) ? EntryPointIn(unit.Members)
                    : null;
                if (location is not null)
                {
                    tree.ReportDiagnostic(Create(location, mirror));
                }
            });
        });
    }

    private static readonly CodeWords MainWord = new("Main");

    // void, int, Task or Task<int>, with no parameter or a string[] (C#'s entry point signatures).
    private static bool IsEntryPointSignature(MethodDeclarationSyntax method)
    {
        var returns = method.ReturnType.ToString();
        var parameters = method.ParameterList.Parameters;
        return returns is "void" or "int" or "Task" or "Task<int>" or "System.Threading.Tasks.Task" or "System.Threading.Tasks.Task<int>"
            && (parameters.Count == 0 || parameters[0].Type?.ToString().Replace(" ", string.Empty) is "string[]" or "String[]" or "System.String[]");
    }

    // The first top-level statement of the tree, or the name of a static Main declared in it with an entry point's
    // signature (read from the syntax: asking the compiler for the entry point would bind the whole program, at this
    // analyzer's cost); null otherwise.
    private static Location? EntryPointIn(SyntaxList<MemberDeclarationSyntax> members)
    {
        foreach (var member in members)
        {
            switch (member)
            {
                case GlobalStatementSyntax statement:
                    return statement.GetLocation();
                case BaseNamespaceDeclarationSyntax space when EntryPointIn(space.Members) is { } inNamespace:
                    return inNamespace;
                case TypeDeclarationSyntax type when EntryPointIn(type.Members) is { } inType:
                    return inType;
                case MethodDeclarationSyntax { Identifier.ValueText: "Main", ParameterList.Parameters.Count: <= 1 } method when method.Modifiers.Any(SyntaxKind.StaticKeyword)
                    && IsEntryPointSignature(method):
                    return method.Identifier.GetLocation();
            }
        }

        return null;
    }

    private static Diagnostic Create(Location location, Mirror mirror)
    {
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(MirroredIdsProperty, string.Join(",", mirror.Ids))
            .Add(DockerfilePathProperty, mirror.DockerfilePath ?? string.Empty);
        return Diagnostic.Create(DiagnosticDescriptors.CTR0009, location, properties, mirror.ProjectName, string.Join(", ", mirror.Ids), mirror.Remedy);
    }

    private static Mirror? FindMirror(Compilation compilation, AnalyzerOptions options, string? assemblyName, CancellationToken cancellationToken)
    {
        try
        {
            var facts = AnalysisCache.GetProjectFacts(options, cancellationToken);
            var dockerfiles = AnalysisCache.GetInputs(options).Dockerfiles;
            var projectName = facts.ProjectName ?? assemblyName ?? "project";
            if (dockerfiles.Count == 0)
            {
                return CTR0003ProjectHasNoDockerfileRule.NeedsDockerfile(facts)
                    ? new Mirror(projectName, null, new[] { RuleIds.ProjectHasNoDockerfile }, "add a distroless multi-stage Dockerfile")
                    : null;
            }

            if (AnalysisCache.GetEnabledRules(compilation, options, cancellationToken) is not { } enabled)
            {
                return null;
            }

            Mirror? ruleFixes = null;
            foreach (var dockerfile in dockerfiles)
            {
                if (dockerfile.GetText(cancellationToken) is { } text && AnalysisCache.Parse(text) is { } tree)
                {
                    // The analysis the host builds for this Dockerfile and compilation: its derived facts are computed once.
                    var analysis = AnalysisCache.GetAnalysis(compilation, options, tree, dockerfile.Path, cancellationToken);
                    // The host's own findings of the enabled rules: what the user sees is what the mirror mirrors.
                    var findings = AnalysisCache.GetFindings(analysis, enabled, cancellationToken);
                    var ids = DockerfileFixes.FixableRuleIdsIn(findings);
                    if (ids.Count > 0)
                    {
                        return new Mirror(projectName, dockerfile.Path, ids, RewriteRemedy);
                    }

                    // No rewrite needed: the rules' own fixes, which Visual Studio and Rider cannot offer in the Dockerfile.
                    if (ruleFixes is null && DockerfileFixes.RuleFixIdsIn(findings) is { Count: > 0 } editIds)
                    {
                        ruleFixes = new Mirror(projectName, dockerfile.Path, editIds, RuleFixesRemedy);
                    }
                }
            }

            return ruleFixes;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // See DockerfileAnalyzer: never let an exception become AD0001.
        }

        return null;
    }

    private const string RewriteRemedy = "rewrite it as a distroless multi-stage build";

    private const string RuleFixesRemedy = "apply the rules' own fixes";

    private sealed class Mirror
    {
        public Mirror(string projectName, string? dockerfilePath, IReadOnlyList<string> ids, string remedy)
        {
            ProjectName = projectName;
            DockerfilePath = dockerfilePath;
            Ids = ids;
            Remedy = remedy;
        }

        /// <summary>What the code fix will do, for the message.</summary>
        public string Remedy { get; }

        public string ProjectName { get; }

        public string? DockerfilePath { get; }

        public IReadOnlyList<string> Ids { get; }
    }
}
