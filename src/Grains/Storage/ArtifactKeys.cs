namespace RpaOrleans.Storage;

public static class ArtifactKeys
{
    public static string StepScreenshot(string sessionId, int index) =>
        $"sessions/{sessionId}/steps/{index:D4}.jpg";
}
