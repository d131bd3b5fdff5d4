using BenchmarkDotNet.Running;
using RpaOrleans.Bench.Micro;

// dotnet run -c Release --project bench/RpaOrleans.Bench.Micro -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(SessionStoreBenchmarks).Assembly).Run(args);
