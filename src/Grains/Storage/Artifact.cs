namespace RpaOrleans.Storage;

public sealed record Artifact(byte[] Content, string ContentType);
