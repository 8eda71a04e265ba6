var app = WebApplication.Create(args);
app.MapGet("/", () => Lib.Greeting.Text);
app.Run();
