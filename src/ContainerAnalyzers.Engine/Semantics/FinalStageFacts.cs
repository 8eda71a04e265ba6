using System.Linq;
using ContainerAnalyzers.Projects;
using ContainerAnalyzers.Syntax;

namespace ContainerAnalyzers.Semantics;

/// <summary>Questions several rules ask about the final stage.</summary>
public static class FinalStageFacts
{
    /// <summary>
    /// A final stage whose job is to run tests (<c>dotnet test</c>), or the Dockerfile of a test project, needs
    /// the SDK by design; the build-image rules stay quiet on it.
    /// </summary>
    public static bool IsTestRunner(DockerfileModel model, Stage final, ProjectFacts project)
    {
        if (project.IsTestProject)
        {
            return true;
        }

        foreach (var stage in final.Lineage)
        {
            foreach (var instruction in stage.Instructions)
            {
                if (instruction.Kind is InstructionKind.Entrypoint or InstructionKind.Cmd
                    && model.DotnetCommandsOf(instruction).Any(i => i.Verb is "test" or "vstest"))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
