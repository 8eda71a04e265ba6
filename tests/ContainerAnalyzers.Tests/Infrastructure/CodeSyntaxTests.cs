using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ContainerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Infrastructure;

/// <summary>
/// Issue 26: the code searches ask the semantic model about a call only when one of its arguments may be a constant,
/// since the first question about a file binds its code. Told from the syntax alone, that must never say "not a
/// constant" of an expression the compiler folds to one: the compiler's own answer is the oracle here.
/// </summary>
[TestFixture]
public sealed class CodeSyntaxTests
{
    private const string Cases = """
        using System;
        using System.IO;
        using static Consts;

        static class Consts { public const string Shared = "shared.txt"; }
        enum Kind { Value }
        class Base { protected const string Inherited = "base.txt"; }

        class Files(string primary) : Base
        {
            private const string Field = "field.txt";
            private readonly string _notConstant = "x";
            string Property => "p";
            Kind Kind => Kind.Value;

            public static void Yes(object value) { }
            public static void No(object value) { }
            public static void No(Func<int> value) { }

            void Calls(string parameter)
            {
                const string local = "local.txt";
                var variable = "v";
                Yes(local);
                Yes(Field);
                Yes(Consts.Shared);
                Yes(Shared);
                Yes(Inherited);
                Yes(nameof(Calls));
                Yes($"{local}/x");
                Yes(local + "/" + Field);
                Yes((string)Field!);
                Yes(true ? local : Field);
                Yes(-(1 + 2));
                Yes(checked(1 * 2));
                Yes(int.MaxValue);
                Yes(Kind.Value);
                Yes(default(int));
                Yes(sizeof(int));
                No(parameter);
                No(variable);
                No(_notConstant);
                No(Property);
                No(primary);
                No(this.Property);
                No(Path.Combine("a", "b"));
                No(new string('a', 1));
                No(Property.ToString().Length);
                No(() => 1);
                No(variable + local);
                foreach (var item in new[] { "a" }) { No(item); }
                Action<string> lambda = p => No(p);
                void LocalFunction(string q) { const string inner = "i"; Yes(inner); No(q); }
                switch (parameter) { case "x": const string s = "s"; Yes(s); break; }
                try { } catch (Exception e) { No(e); }
            }
        }
        """;

    private const string TopLevel = """
        const string top = "top.txt";
        var notTop = "x";
        Files.Yes(top);
        Files.No(notTop);
        """;

    [Test]
    public void TellsConstantsFromWhatCannotBeOne()
    {
        var compilation = Compile(CSharpSyntaxTree.ParseText(Cases, Latest, "Cases.cs"), CSharpSyntaxTree.ParseText(TopLevel, Latest, "Program.cs"));
        Assert.That(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error), Is.Empty, "the cases must compile, or the compiler's answers mean nothing");
        var checkedCalls = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var call in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (CodeSyntax.InvokedName(call) is not ("Yes" or "No") || call.ArgumentList.Arguments.Count != 1)
                {
                    continue;
                }

                var argument = call.ArgumentList.Arguments[0].Expression;
                var expected = CodeSyntax.InvokedName(call) == "Yes";
                Assert.That(model.GetConstantValue(argument).HasValue, Is.EqualTo(expected), $"the compiler's answer for {argument}");
                Assert.That(CodeSyntax.MayBeConstant(argument), Is.EqualTo(expected), $"MayBeConstant({argument})");
                checkedCalls++;
            }
        }

        Assert.That(checkedCalls, Is.EqualTo(35), "every case was checked");
    }

    // A generated file can concatenate thousands of pieces; the parser nests them as deep, and the check must not recurse
    // down them (a stack overflow ends the compiler). Past its depth it leaves the answer to the semantic model.
    [Test]
    public void ADeepConcatenationIsLeftToTheSemanticModel()
    {
        var deep = "class C { void M(string p) { System.IO.File.WriteAllText(" + string.Join(" + ", Enumerable.Repeat("\"a\"", 20_000)) + ", p); } }";
        var call = CSharpSyntaxTree.ParseText(deep, Latest).GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().First();
        var answers = new bool[2];

        // On a thread with a small stack, as a thread pool's may be: recursion down the chain would overflow it.
        var thread = new System.Threading.Thread(
            () =>
            {
                answers[0] = CodeSyntax.MayBeConstant(call.ArgumentList.Arguments[0].Expression);
                answers[1] = CodeSyntax.MayBeConstant(call.ArgumentList.Arguments[1].Expression);
            },
            maxStackSize: 256 * 1024);
        thread.Start();
        thread.Join();
        Assert.That(answers, Is.EqualTo(new[] { true, false }));
    }

    // Every argument in the real repositories' code that the compiler folds to a constant is one the syntax lets through.
    [Test]
    public void NeverRulesOutAConstantInRealCode()
    {
        var corpus = TestPaths.RequireCorpus("real-repos");
        var arguments = 0;
        var constants = 0;
        var ruledOut = 0;
        foreach (var repository in Directory.EnumerateDirectories(corpus))
        {
            var trees = Directory.EnumerateFiles(repository, "*.cs", SearchOption.AllDirectories)
                .Where(p => !p.Contains("/obj/", StringComparison.Ordinal) && !p.Contains("/bin/", StringComparison.Ordinal))
                .Select(p => CSharpSyntaxTree.ParseText(File.ReadAllText(p), Latest, p))
                .ToArray();
            var compilation = Compile(trees);
            foreach (var tree in trees)
            {
                var model = compilation.GetSemanticModel(tree);
                foreach (var argument in tree.GetRoot().DescendantNodes().OfType<ArgumentSyntax>())
                {
                    arguments++;
                    var mayBe = CodeSyntax.MayBeConstant(argument.Expression);
                    ruledOut += mayBe ? 0 : 1;
                    if (model.GetConstantValue(argument.Expression).HasValue)
                    {
                        constants++;
                        Assert.That(mayBe, Is.True, $"{tree.FilePath}:{tree.GetLineSpan(argument.Span).StartLinePosition.Line + 1}: {argument}");
                    }
                }
            }
        }

        TestContext.Out.WriteLine($"{arguments} arguments, {constants} constants, {ruledOut} ruled out without the semantic model");

        // The check must also spare the semantic model something: most arguments are not constants.
        Assert.That(constants, Is.GreaterThan(1000), "the corpus has constants to check");
        Assert.That(ruledOut, Is.GreaterThan(arguments / 4), $"{ruledOut} of {arguments} arguments ruled out");
    }

    private static readonly CSharpParseOptions Latest = new(LanguageVersion.Latest);

    private static CSharpCompilation Compile(params SyntaxTree[] trees)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
        return CSharpCompilation.Create("Cases", trees, references, new CSharpCompilationOptions(OutputKind.ConsoleApplication));
    }
}
