using ContainerAnalyzers.Images;
using ContainerAnalyzers.Projects;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Syntax;

[TestFixture]
public sealed class SemanticModelTests
{
    private static DockerfileModel Model(string text) => DockerfileModel.Create(DockerfileParser.Parse(text));

    // Regression (found by the fuzzer): nesting was followed by recursion, and 50,000 levels overflowed the stack.
    [Test]
    public void DeeplyNestedDefaultsAreUnknownRatherThanAStackOverflow()
    {
        var nested = string.Concat(Enumerable.Repeat("${B:-", 50_000)) + "x" + new string('}', 50_000);
        var model = Model($"ARG A={nested}\nFROM ${{A}}\n");
        Assert.That(model.Stages[0].IsBaseUnknown, Is.True);
        Assert.That(Model("ARG A=${B:-${C:-${D:-mcr.microsoft.com/dotnet/sdk:8.0}}}\nFROM ${A}\n").Stages[0].BaseImage?.Original, Is.EqualTo("mcr.microsoft.com/dotnet/sdk:8.0"));
    }

    // The commands are indexed by instruction position; an ONBUILD trigger has no position of its own and
    // must not be given the commands of the instruction that happens to share its default index.
    [Test]
    public void DotnetCommandsBelongToTheirOwnInstructionOnly()
    {
        var model = Model("RUN dotnet restore\nFROM mcr.microsoft.com/dotnet/sdk:8.0\nONBUILD RUN dotnet publish -c Release\nRUN dotnet build -c Debug\n");
        var instructions = model.Syntax.Instructions;
        var trigger = ((OnbuildInstructionSyntax)instructions[2]).Trigger!;

        Assert.That(model.DotnetCommandsOf(instructions[0]).Select(c => c.Verb), Is.EqualTo(new[] { "restore" }));
        Assert.That(model.DotnetCommandsOf(instructions[3]).Select(c => c.GetOption("-c")), Is.EqualTo(new[] { "Debug" }));
        Assert.That(model.DotnetCommandsOf(trigger), Is.Empty);
        Assert.That(model.DotnetCommandsOf(instructions[1]), Is.Empty);
        Assert.That(model.DotnetRunCommands.Select(c => c.Verb), Is.EqualTo(new[] { "restore", "build" }));
    }

    // Issue 25: the command index knows where each word is written, through continuations, dropped comment lines and
    // quotes, so a fix edits the user's text by position instead of searching it again.
    [TestCase("RUN dotnet publish -c Release -o out\n")]
    [TestCase("RUN cd src && \\\n  dotnet \\\n# a comment BuildKit drops\n  publish -c Release \\\n\n  -o \"out\"\n")]
    [TestCase("RUN [\"dotnet\", \"publish\", \"-c\", \"Release\", \"-o\", \"out\"]\n")]
    [TestCase("# escape=`\nFROM mcr.microsoft.com/dotnet/sdk:8.0\nRUN dotnet publish `\n  -c Release -o 'out'\n")]
    public void CommandWordsKnowWhereTheyAreWritten(string run)
    {
        var text = run.StartsWith("#", StringComparison.Ordinal) ? run : "FROM mcr.microsoft.com/dotnet/sdk:8.0\n" + run;
        var command = Model(text).DotnetRunCommands.Single();
        string Written(Text.SourceSpan? span) => text.Substring(span!.Value.Start, span.Value.Length).Trim('"', '\'');
        Assert.That(Written(command.VerbSpan), Is.EqualTo("publish"));
        Assert.That(Enumerable.Range(0, command.WrittenArguments.Count).Select(i => Written(command.ArgumentSpan(i))), Is.EqualTo(new[] { "-c", "Release", "-o", "out" }));
    }

    // Inside double quotes a backslash escapes a quote, a backslash, a backtick and a dollar (POSIX): the word goes on.
    [Test]
    public void ShellCommandsHonourEscapesInsideDoubleQuotes()
    {
        var run = Model("FROM mcr.microsoft.com/dotnet/sdk:8.0\nRUN echo \"a=\\\"$X\\\" \\$Y\" > out; sh -c \"touch b\"\n").Syntax.Instructions[1];
        var commands = DotnetCommandLine.ShellCommandsOf(run).ToList();
        Assert.That(commands[0], Is.EqualTo(new[] { "echo", "a=\"$X\" \\$Y", ">", "out" }));
        Assert.That(commands[1], Is.EqualTo(new[] { "touch", "b" }));
    }

    [Test]
    public void CommandWordsFromAHeredocHaveNoPlaceInTheFile()
    {
        var command = Model("FROM mcr.microsoft.com/dotnet/sdk:8.0\nRUN <<EOF\ndotnet publish -o out\nEOF\n").DotnetRunCommands.Single();
        Assert.That(command.VerbSpan, Is.Null);
        Assert.That(command.ArgumentSpan(0), Is.Null);
    }

    [TestCase("dotnet publish --framework=net8.0", "net8.0")]
    [TestCase("dotnet publish --framework:net8.0", "net8.0")]
    [TestCase("dotnet publish -f net8.0", "net8.0")]
    [TestCase("/usr/bin/dotnet publish -f=net8.0", "net8.0")]
    [TestCase("dotnet publish --frameworks=net8.0", null)]
    [TestCase("notdotnet publish -f net8.0", null)]
    public void OptionsAreReadInEveryForm(string command, string? expected)
    {
        var model = Model($"FROM mcr.microsoft.com/dotnet/sdk:8.0\nRUN {command}\n");
        Assert.That(model.DotnetRunCommands.Select(c => c.GetOption("-f", "--framework")).SingleOrDefault(), Is.EqualTo(expected));
    }

    // One definition serves the invocation finder and the command-line reader.
    [TestCase("RUN bash -c \"dotnet publish -c Release -o /app\"", "publish")]
    [TestCase("RUN /bin/sh -ec 'cd src && dotnet restore'", "restore")]
    [TestCase("RUN [\"/bin/sh\", \"-c\", \"dotnet build\"]", "build")]
    [TestCase("RUN [\"/bin/sh\", \"-ec\", \"dotnet restore\"]", "restore")]
    [TestCase("RUN echo `dotnet --version` && dotnet test", "test")]
    [TestCase("RUN echo \"dotnet build\"", null)]
    [TestCase("ENTRYPOINT [\"dotnet\", \"test\"]", "test")]
    public void OneScannerFindsCommandsInShellWrappersAndNotInStrings(string instruction, string? verb)
    {
        var model = DockerfileModel.Create(DockerfileParser.Parse("FROM mcr.microsoft.com/dotnet/sdk:10.0\n" + instruction + "\n"));
        Assert.That(model.DotnetCommandsOf(model.Syntax.Instructions[1]).Select(c => c.Verb).LastOrDefault(), Is.EqualTo(verb));
    }

    [TestCase("dotnet", true)]
    [TestCase("/usr/bin/dotnet", true)]
    [TestCase("/usr/share/dotnet/dotnet", true)]
    [TestCase("dotnet.exe", true)]
    [TestCase("DOTNET.EXE", true)]
    [TestCase("C:\\Program Files\\dotnet\\dotnet.exe", true)]
    [TestCase("mydotnet", false)]
    [TestCase("dotnet2", false)]
    [TestCase("/opt/notdotnet", false)]
    [TestCase("Dotnet", false)]
    public void TheDotnetExecutableIsRecognisedByItsFileName(string word, bool expected)
        => Assert.That(DotnetCommandLine.IsDotnetExecutable(word), Is.EqualTo(expected));

    [Test]
    public void StagesBaseImagesAndChains()
    {
        var model = Model("""
            ARG SDK=mcr.microsoft.com/dotnet/sdk
            ARG TAG=8.0
            FROM ${SDK}:${TAG} AS build
            FROM build AS publish
            FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled-extra
            """);

        Assert.That(model.Stages.Select(s => s.DisplayName), Is.EqualTo(new[] { "build", "publish", "stage-2" }));
        Assert.That(model.Stages[0].BaseImage!.Name, Is.EqualTo("mcr.microsoft.com/dotnet/sdk"));
        Assert.That(model.Stages[0].BaseImage!.Tag, Is.EqualTo("8.0"));
        Assert.That(model.Stages[1].BaseStage, Is.SameAs(model.Stages[0]));
        Assert.That(model.Stages[1].RootImage, Is.SameAs(model.Stages[0].BaseImage));
        Assert.That(model.FinalStage, Is.SameAs(model.Stages[2]));
    }

    [Test]
    public void StageGraphEdges()
    {
        var model = Model("""
            FROM alpine AS tools
            FROM mcr.microsoft.com/dotnet/sdk:8.0 AS Build
            RUN --mount=type=bind,from=tools,source=/bin,target=/tools true
            FROM scratch
            COPY --from=build /app /app
            COPY --from=0 /bin/sh /sh
            COPY --from=nginx:1.27 /etc/nginx /etc/nginx
            COPY --from=$UNKNOWN_STAGE /x /x
            """);

        Assert.That(model.Stages[1].Dependencies.Single().Stage, Is.SameAs(model.Stages[0]));
        var final = model.Stages[2].Dependencies;
        Assert.That(final[0].Stage, Is.SameAs(model.Stages[1]), "stage names are case-insensitive");
        Assert.That(final[1].Stage, Is.SameAs(model.Stages[0]));
        Assert.That(final[2].Image!.Name, Is.EqualTo("nginx"));
        Assert.That(final[3].Stage, Is.Null);
    }

    [Test]
    public void UnresolvableArgLeavesTheBaseUnknown()
    {
        var model = Model("ARG BASE\nFROM ${BASE}\nFROM $BUILDPLATFORM_IMAGE\n");

        Assert.That(model.Stages[0].IsBaseUnknown, Is.True);
        Assert.That(model.Stages[1].BaseName, Is.EqualTo(string.Empty), "an undeclared ARG expands to nothing");
    }

    [TestCase("mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled", DotnetImageKind.AspNet, "8.0", false, false, true, 8080)]
    [TestCase("mcr.microsoft.com/dotnet/runtime-deps:9.0-noble-chiseled-extra", DotnetImageKind.RuntimeDeps, "9.0", false, true, true, 8080)]
    [TestCase("mcr.microsoft.com/dotnet/aspnet:10.0-azurelinux3.0-distroless", DotnetImageKind.AspNet, "10.0", false, false, true, 8080)]
    [TestCase("mcr.microsoft.com/dotnet/runtime:8.0-alpine", DotnetImageKind.Runtime, "8.0", true, false, false, 8080)]
    [TestCase("mcr.microsoft.com/dotnet/aspnet:6.0", DotnetImageKind.AspNet, "6.0", true, true, false, 80)]
    [TestCase("mcr.microsoft.com/dotnet/core/aspnet:3.1-buster-slim", DotnetImageKind.AspNet, "3.1", true, true, false, 80)]
    [TestCase("microsoft/dotnet:2.1-aspnetcore-runtime", DotnetImageKind.AspNet, "2.1", true, true, false, 80)]
    [TestCase("mcr.microsoft.com/dotnet/sdk:10.0-noble-aot", DotnetImageKind.Sdk, "10.0", true, true, false, null)]
    public void ImageCatalogue(string reference, DotnetImageKind kind, string version, bool shell, bool icu, bool nonRoot, int? port)
    {
        var image = DotnetImage.TryClassify(ImageReference.TryParse(reference)!)!;

        Assert.That((image.Kind, image.Version, image.HasPosixShell, image.HasIcu, image.RunsAsNonRootByDefault, image.DefaultHttpPort), Is.EqualTo((kind, version, shell, (bool?)icu, nonRoot, port)));
    }

    // The image facts the rules weigh, each as the image's own Dockerfile in dotnet-docker sets it (issue 27):
    // ICU (runtime-deps installs libicu on Debian/Ubuntu, not on Alpine; src/sdk/*/alpine*/Dockerfile adds icu-libs and
    // DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false), curl and wget (runtime-deps installs only .NET's libraries; runtime
    // and aspnet download .NET in a buildpack-deps:*-curl installer stage; the SDK installs curl and wget; BusyBox gives
    // Alpine wget), and the entry point (src/runtime/*/noble-chiseled: ENTRYPOINT ["/usr/bin/dotnet"]).
    [TestCase("mcr.microsoft.com/dotnet/aspnet:9.0", true, false, false, "")]
    [TestCase("mcr.microsoft.com/dotnet/aspnet:10.0-noble", true, false, false, "")]
    [TestCase("mcr.microsoft.com/dotnet/runtime-deps:8.0-bookworm-slim", true, false, false, "")]
    [TestCase("mcr.microsoft.com/dotnet/runtime:8.0-alpine", false, false, true, "")]
    [TestCase("mcr.microsoft.com/dotnet/sdk:8.0-alpine", true, true, true, "")]
    [TestCase("mcr.microsoft.com/dotnet/sdk:10.0", true, true, true, "")]
    [TestCase("mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled", false, false, false, "/usr/bin/dotnet")]
    [TestCase("mcr.microsoft.com/dotnet/runtime:10.0-noble-chiseled-extra", true, false, false, "/usr/bin/dotnet")]
    [TestCase("mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled", false, false, false, "")]
    public void ImageFactsFromDotnetDocker(string reference, bool icu, bool curl, bool wget, string entryPoint)
    {
        var image = DotnetImage.TryClassify(ImageReference.TryParse(reference)!)!;

        Assert.That((image.HasIcu, image.HasHttpTool("curl"), image.HasHttpTool("wget"), string.Join(" ", image.EntryPoint!)), Is.EqualTo(((bool?)icu, (bool?)curl, (bool?)wget, entryPoint)));
    }

    [TestCase("mcr.microsoft.com/dotnet/aspnet:8.0-azurelinux3.0")]
    [TestCase("mcr.microsoft.com/dotnet/aspnet:5.0")]
    [TestCase("mcr.microsoft.com/dotnet/core/aspnet:3.1")]
    public void ToolsNotModelled_Unknown(string reference)
        => Assert.That(DotnetImage.TryClassify(ImageReference.TryParse(reference)!)!.HasHttpTool("curl"), Is.Null);

    [TestCase("node:22-alpine")]
    [TestCase("gcr.io/distroless/cc-debian12")]
    [TestCase("mcr.microsoft.com/powershell")]
    public void OtherImagesAreNotDotnetImages(string reference)
    {
        Assert.That(DotnetImage.TryClassify(ImageReference.TryParse(reference)!), Is.Null);
    }

    [Test]
    public void LegacyRepositoriesAreFlagged()
    {
        Assert.That(DotnetImage.TryClassify(ImageReference.TryParse("mcr.microsoft.com/dotnet/core/sdk:3.1")!)!.IsLegacyRepository, Is.True);
        Assert.That(DotnetImage.TryClassify(ImageReference.TryParse("mcr.microsoft.com/dotnet/sdk:8.0")!)!.IsLegacyRepository, Is.False);
    }

    [Test]
    public void ProjectFactsFromPropertiesAndProjectText()
    {
        var properties = new Dictionary<string, string> { ["TargetFrameworks"] = "net8.0;net10.0", ["OutputType"] = "Exe", ["MSBuildProjectName"] = "Api" };
        var facts = ProjectFacts.Create(n => properties.GetValueOrDefault(n), "/src/Api/Api.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <FrameworkReference Include="Microsoft.AspNetCore.App" />
                <ProjectReference Include="..\Core\Core.csproj" />
              </ItemGroup>
            </Project>
            """);

        Assert.That(facts.TargetFrameworks.Select(t => t.Version), Is.EqualTo(new[] { "8.0", "10.0" }));
        Assert.That(facts.IsWeb, Is.True);
        Assert.That(facts.AssemblyName, Is.EqualTo("Api"));
        Assert.That(facts.ProjectReferences, Is.EqualTo(new[] { "..\\Core\\Core.csproj" }));
    }
}
