global using RpaOrleans.Plans;
global using RpaOrleans.Sessions;
global using Xunit;
