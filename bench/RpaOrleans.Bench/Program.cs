using RpaOrleans.Bench;

// ./rpa bench [--quick] [--only overhead,throughput,density,rest,recovery,observation] [--no-doc]
var quick = args.Contains("--quick");
var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault()?.Split(',').ToHashSet() ?? [];
var root = Environment.GetEnvironmentVariable("RPA_ROOT") ?? Directory.GetCurrentDirectory();
var webHost = Environment.GetEnvironmentVariable("RPA_WEBHOST_DLL") ?? Path.Combine(root, "src/WebHost/bin/Release/net10.0/RpaOrleans.WebHost.dll");
var settings = new BenchSettings(quick, root, webHost, only, "./rpa bench" + (args.Length > 0 ? " " + string.Join(' ', args) : ""));
return await BenchRunner.RunAsync(settings, writeDoc: !args.Contains("--no-doc"));
