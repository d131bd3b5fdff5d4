using RpaOrleans.WebHost.Hosting;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddRpaWebHost();

var app = builder.Build();
app.MapRpaWebHost();
app.Run();

/// <summary>Entry point, visible to the tests.</summary>
public partial class Program;
