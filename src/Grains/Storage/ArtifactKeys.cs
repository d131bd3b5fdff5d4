namespace RpaOrleans.Storage;

public static class ArtifactKeys
{
    public static string StepScreenshot(string sessionId, int index) =>
        $"sessions/{sessionId}/steps/{index:D4}.jpg";

    /// <summary>Where a downloaded file is kept; the name is reduced to safe characters.</summary>
    public static string Download(string sessionId, string fileName) =>
        $"sessions/{sessionId}/downloads/{SafeName(fileName)}";

    public static string SafeName(string fileName)
    {
        var name = new string(Path.GetFileName(fileName).Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray()).Trim('.');
        return name.Length == 0 ? "download" : name.Length > 120 ? name[^120..] : name;
    }
}
