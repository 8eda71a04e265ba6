using System;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Syntax;

// The instruction-level checks BuildKit makes before a build, limited to what is certain.
public static partial class DockerfileParser
{
    private sealed partial class Parser
    {
        /// <summary>The instruction-level checks BuildKit makes before a build, limited to what is certain.</summary>
        private void Validate(InstructionSyntax instruction)
        {
            var span = instruction.Span;
            var count = instruction.Arguments.Count;
            switch (instruction.Kind)
            {
                case InstructionKind.Unknown:
                    _diagnostics.Add(new SyntaxDiagnostic(instruction.Keyword.Span, $"Unknown instruction '{instruction.Keyword.Value}'"));
                    break;
                case InstructionKind.From:
                    if (count != 1 && !(count == 3 && string.Equals(instruction.Arguments[1].Value, "as", StringComparison.OrdinalIgnoreCase)))
                    {
                        _diagnostics.Add(new SyntaxDiagnostic(span, "FROM requires either one argument, or three: FROM <image> AS <name>"));
                    }

                    break;
                case InstructionKind.Copy:
                case InstructionKind.Add:
                    if (count < 2)
                    {
                        _diagnostics.Add(new SyntaxDiagnostic(span, $"{instruction.Keyword.Value.ToUpperInvariant()} requires at least two arguments: a source and a destination"));
                    }

                    break;
                case InstructionKind.Healthcheck:
                    if (instruction is HealthcheckInstructionSyntax { Type: { } type } healthcheck)
                    {
                        if (!healthcheck.IsNone && !string.Equals(type.Value, "cmd", StringComparison.OrdinalIgnoreCase))
                        {
                            _diagnostics.Add(new SyntaxDiagnostic(type.Span, $"Unknown type '{type.Value}' in HEALTHCHECK: use CMD or NONE"));
                        }
                        else if (healthcheck.IsNone && count > 1)
                        {
                            _diagnostics.Add(new SyntaxDiagnostic(span, "HEALTHCHECK NONE takes no arguments"));
                        }
                        else if (!healthcheck.IsNone && count < 2)
                        {
                            _diagnostics.Add(new SyntaxDiagnostic(span, "HEALTHCHECK CMD requires a command"));
                        }
                    }
                    else
                    {
                        _diagnostics.Add(new SyntaxDiagnostic(span, "HEALTHCHECK requires CMD <command> or NONE"));
                    }

                    break;
                case InstructionKind.Onbuild:
                    if (instruction is OnbuildInstructionSyntax onbuild)
                    {
                        if (onbuild.Trigger is null)
                        {
                            _diagnostics.Add(new SyntaxDiagnostic(span, "ONBUILD requires an instruction to run"));
                        }
                        else if (onbuild.Trigger.Kind is InstructionKind.Onbuild or InstructionKind.From or InstructionKind.Maintainer)
                        {
                            _diagnostics.Add(new SyntaxDiagnostic(onbuild.Trigger.Keyword.Span, $"{onbuild.Trigger.Keyword.Value.ToUpperInvariant()} isn't allowed as an ONBUILD trigger"));
                        }
                        else if (onbuild.Trigger.Kind == InstructionKind.Unknown)
                        {
                            _diagnostics.Add(new SyntaxDiagnostic(onbuild.Trigger.Keyword.Span, $"Unknown instruction '{onbuild.Trigger.Keyword.Value}'"));
                        }
                    }

                    break;
                case InstructionKind.Arg:
                case InstructionKind.Env:
                case InstructionKind.Label:
                case InstructionKind.Expose:
                case InstructionKind.User:
                case InstructionKind.Workdir:
                case InstructionKind.StopSignal:
                case InstructionKind.Maintainer:
                case InstructionKind.Volume:
                    if (count == 0 && !HasReportedErrorIn(span))
                    {
                        _diagnostics.Add(new SyntaxDiagnostic(span, $"{instruction.Keyword.Value.ToUpperInvariant()} requires at least one argument"));
                    }

                    break;
            }
        }

        // Only the most recent diagnostic can belong to the instruction being validated.
        private bool HasReportedErrorIn(SourceSpan span)
            => _diagnostics.Count > 0 && _diagnostics[_diagnostics.Count - 1].Span.Start >= span.Start;
    }
}
