namespace RpaOrleans.Browser;

/// <summary>A file a page downloaded, held until the session stores it.</summary>
public sealed record DownloadedFile(string Name, byte[] Content, string Url);
