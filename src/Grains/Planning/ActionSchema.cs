using System.Text.Json;

namespace RpaOrleans.Planning;

/// <summary>The JSON Schema the navigator's answers are held to.</summary>
public static class ActionSchema
{
    public static readonly string[] ActionNames =
        ["navigate", "click", "doubleClick", "rightClick", "type", "select", "check", "uncheck", "hover", "press", "scroll", "wait",
         "extract", "upload", "download", "back", "forward", "reload", "newTab", "switchTab", "closeTab", "finish"];

    public static JsonElement Schema { get; } = JsonDocument.Parse($$"""
        {
          "type": "object",
          "properties": {
            "reasoning": { "type": "string", "description": "One or two sentences: what you see and why this action." },
            "action": { "type": "string", "enum": [{{string.Join(", ", ActionNames.Select(a => $"\"{a}\""))}}] },
            "elementId": { "type": ["integer", "null"], "description": "The [id] of the element to act on." },
            "value": { "type": ["string", "null"], "description": "Text to type, option to select, key to press, scroll direction, text or milliseconds to wait for, or the finish reason." },
            "url": { "type": ["string", "null"], "description": "For navigate." },
            "field": { "type": ["string", "null"], "description": "For extract: the result property to fill." },
            "submit": { "type": ["boolean", "null"], "description": "For type: press Enter afterwards." },
            "append": { "type": ["boolean", "null"], "description": "For type: add to the existing text instead of replacing it." },
            "success": { "type": ["boolean", "null"], "description": "For finish: whether the goal was achieved." },
            "result": { "description": "For finish: the result object, matching the result schema when one is given." }
          },
          "required": ["reasoning", "action"],
          "additionalProperties": false
        }
        """).RootElement.Clone();
}
