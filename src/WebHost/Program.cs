using RpaOrleans.WebHost.Cli;
using RpaOrleans.WebHost.Hosting;

if (args is ["observe", .. var rest]) return await ObserveCommand.RunAsync(rest);

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddRpaWebHost();

var app = builder.Build();
app.MapRpaWebHost();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the tests.</summary>
public partial class Program;
