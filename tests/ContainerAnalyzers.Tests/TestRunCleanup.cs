using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests;

/// <summary>Deletes what the whole test run left under the temp directory (this namespace holds every test).</summary>
[SetUpFixture]
public sealed class TestRunCleanup
{
    [OneTimeTearDown]
    public void DeleteRunFolder() => AnalyzerPackage.DeleteRunFolder();
}
