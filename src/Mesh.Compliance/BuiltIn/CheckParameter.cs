using System.Globalization;
using Mesh.Serialization;

namespace Mesh.Compliance.BuiltIn;

/// <summary>The value types of built-in check parameters.</summary>
internal enum ParameterType
{
    Duration,
    Count,
}

/// <summary>A parameter a built-in check takes, with its default (as written in a rules document).</summary>
internal sealed record CheckParameter(string Name, ParameterType Type, string Default, string Description)
{
    /// <summary>Parses a written value; null with the reason when it is not of the parameter's type or out of range.</summary>
    public (object? Value, string? Error) Parse(string text)
    {
        switch (Type)
        {
            case ParameterType.Duration:
                return MeshDuration.TryParse(text, out var duration) && duration > TimeSpan.Zero
                    ? (duration, null)
                    : (null, $"'{text}' is not a positive duration (like 500ms, 10s, 1m).");
            default:
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                    ? (count, null)
                    : (null, $"'{text}' is not a whole number of zero or more.");
        }
    }
}
