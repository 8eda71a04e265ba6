// An entry point only because ReadyToRun publishing is an application's; nothing runs this program.
internal static class Program
{
    private static void Main()
    {
    }
}
