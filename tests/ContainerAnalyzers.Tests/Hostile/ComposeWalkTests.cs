using ContainerAnalyzers.Tasks;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Hostile;

/// <summary>
/// The compose walk the targets run before the compiler (issue 27): up to the repository root past a solution folder,
/// into the deployment folders beside each folder, never past .git or six folders up.
/// </summary>
[TestFixture]
public sealed class ComposeWalkTests
{
    private string _root = string.Empty;

    [SetUp]
    public void CreateRepository()
    {
        _root = Path.Combine(Path.GetTempPath(), "ContainerAnalyzers.ComposeWalk", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_root, "repo", ".git"));
    }

    [TearDown]
    public void DeleteRepository() => Directory.Delete(_root, recursive: true);

    private string Write(string relative)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "services: {}\n");
        return path;
    }

    private static IReadOnlyList<string> Relative(IEnumerable<string> paths, string root)
        => paths.Select(p => Path.GetRelativePath(root, p).Replace('\\', '/')).ToList();

    [Test]
    public void AFullStackRepository_TheRootFileAboveTheBackendsSolutionIsRead()
    {
        Write("repo/backend/Backend.sln");
        Write("repo/backend/src/Api/Dockerfile");
        Write("repo/compose.yaml");
        Write("repo/frontend/compose.yaml");

        var (compose, _) = ComposeWalk.Walk(Path.Combine(_root, "repo/backend/src/Api"));

        Assert.That(Relative(compose, _root), Is.EqualTo(new[] { "repo/compose.yaml" }), "a sibling project's folder is not the walk's");
    }

    [Test]
    public void DeploymentFoldersBesideEachFolderAreRead()
    {
        Write("repo/src/Api/Dockerfile");
        Write("repo/src/Api/docker/docker-compose.yml");
        Write("repo/deploy/compose.prod.yaml");
        Write("repo/infra/docker-compose.override.yml");
        Write("repo/docs/compose.yaml");

        var (compose, _) = ComposeWalk.Walk(Path.Combine(_root, "repo/src/Api"));

        Assert.That(Relative(compose, _root), Is.EquivalentTo(new[] { "repo/src/Api/docker/docker-compose.yml", "repo/deploy/compose.prod.yaml", "repo/infra/docker-compose.override.yml" }));
    }

    [Test]
    public void TheWalkStopsAtTheRepositoryRoot()
    {
        Write("compose.yaml");
        Write("repo/src/Api/Dockerfile");

        var (compose, _) = ComposeWalk.Walk(Path.Combine(_root, "repo/src/Api"));

        Assert.That(compose, Is.Empty, "a compose file above .git belongs to another repository");
    }

    [Test]
    public void WithoutARepositoryTheWalkStopsSixFoldersUp()
    {
        var deep = "norepo/1/2/3/4/5/6/7";
        Write(deep + "/Dockerfile");
        Write("norepo/1/compose.yaml");
        Write("norepo/compose.yaml");

        var (compose, _) = ComposeWalk.Walk(Path.Combine(_root, deep));

        Assert.That(Relative(compose, _root), Is.EqualTo(new[] { "norepo/1/compose.yaml" }));
    }

    [Test]
    public void ActionFilesAreFoundOnTheSameWalk()
    {
        Write("repo/action.yml");
        Write("repo/src/Dockerfile");

        var (_, actions) = ComposeWalk.Walk(Path.Combine(_root, "repo/src"));

        Assert.That(Relative(actions, _root), Is.EqualTo(new[] { "repo/action.yml" }));
    }
}
