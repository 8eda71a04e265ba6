namespace Lib;

public static class Greeting
{
    public static string Text => "ok";
}
