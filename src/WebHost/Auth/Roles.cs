namespace RpaOrleans.WebHost.Auth;

public static class Roles
{
    public const string Admin = "admin";
    public const string Operator = "operator";
    public const string Viewer = "viewer";

    public static bool IsKnown(string role) => role is Admin or Operator or Viewer;
}
