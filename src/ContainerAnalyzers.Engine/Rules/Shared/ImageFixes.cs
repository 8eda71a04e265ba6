using ContainerAnalyzers.Images;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Shared;

/// <summary>Fixes that rewrite the image of a FROM, offered only when the image is written literally (no ARG in it).</summary>
internal static class ImageFixes
{
    public static RuleFix? Replace(DockerfileSyntaxTree tree, FromInstructionSyntax? from, string newImage, string title)
    {
        if (from?.Image is not { } token || token.Value.IndexOf('$') >= 0)
        {
            return null;
        }

        var original = tree.GetText(token.Span);
        if (original != token.Value || original == newImage)
        {
            return null;
        }

        return new RuleFix(title, RuleFixTarget.Dockerfile, token.Span, original, newImage);
    }

    /// <summary>The same image at another .NET version, keeping the variant where that version publishes it.</summary>
    public static RuleFix? Retag(DockerfileSyntaxTree tree, FromInstructionSyntax? from, DotnetImage image, string version)
    {
        if (image.Reference.Digest is not null)
        {
            return null;
        }

        var tag = DotnetTags.Retag(image.Reference.Tag, version, image.Kind);
        return Replace(tree, from, image.Reference.With(tag: tag), $"Use {image.Reference.Repository}:{tag}");
    }
}
