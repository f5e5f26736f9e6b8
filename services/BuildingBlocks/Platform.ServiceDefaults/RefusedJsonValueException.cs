using System.Text.Json;

namespace Platform.ServiceDefaults;

/// <summary>
/// Thrown by the platform's JSON converters for a value that is well-formed JSON but never acceptable (a NUL
/// character, an instant outside <see cref="InputBounds"/>); its message is written for the client and is
/// answered as the field's validation error.
/// </summary>
internal sealed class RefusedJsonValueException(string message) : JsonException(message);
