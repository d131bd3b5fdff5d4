using RpaOrleans.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.AddRpaSilo();
builder.Build().Run();
