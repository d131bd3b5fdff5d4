using RpaOrleans.Silo.Hosting;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddRpaSiloProcess();

var app = builder.Build();
app.MapRpaSiloProcess();
app.Run();
