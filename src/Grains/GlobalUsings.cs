global using Microsoft.Extensions.Logging;
global using Orleans;
global using Orleans.Runtime;
global using RpaOrleans.Plans;
global using RpaOrleans.Sessions;
