namespace RpaOrleans.Tests.Infrastructure;

/// <summary>
/// Where the cluster tests find Redis, PostgreSQL and MongoDB. <c>./rpa test</c> starts them (and
/// the MongoDB stand-in) and sets these variables; the defaults match its ports.
/// </summary>
public static class ClusterServices
{
    public static string Redis => Environment.GetEnvironmentVariable("RPA_TEST_REDIS") ?? "127.0.0.1:6391";

    public static string Postgres => Environment.GetEnvironmentVariable("RPA_TEST_POSTGRES")
        ?? "Host=127.0.0.1;Port=5439;Username=postgres;Password=rpa-test;Database=postgres;Timeout=5;Command Timeout=10";

    /// <summary>A real MongoDB when <c>RPA_TEST_MONGO_URI</c> is set, otherwise the wire-compatible stand-in.</summary>
    public static string Mongo => Environment.GetEnvironmentVariable("RPA_TEST_MONGO_URI")
        ?? Environment.GetEnvironmentVariable("RPA_MONGO_STANDIN_URI")
        ?? "mongodb://127.0.0.1:27031";

    /// <summary>The command that restarts Redis (./rpa sets it), for the restart-under-load test.</summary>
    public static string? RedisRestart => Environment.GetEnvironmentVariable("RPA_TEST_REDIS_RESTART");

    public static string? PostgresRestart => Environment.GetEnvironmentVariable("RPA_TEST_POSTGRES_RESTART");
}
