namespace RpaOrleans.WebHost.Auth;

public static class Policies
{
    /// <summary>Any valid key: read sessions, watch events.</summary>
    public const string Read = "read";

    /// <summary>Admins and operators: create and control sessions.</summary>
    public const string Operate = "operate";

    public const string Admin = "admin";
}
