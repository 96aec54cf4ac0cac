using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Shared.Abstractions;

/// <summary>
/// Writes an enum by its camelCase name (<c>healthRecord</c>) and reads that name back, never a number: the way the API
/// says every enum. Put it on a vocabulary enum that travels in integration events
/// (<c>[JsonConverter(typeof(CamelCaseEnumConverter&lt;RecordPart&gt;))]</c>), because the outbox stores events
/// with the plain web options: the stored payload then holds the same camelCase words the API answers.
/// </summary>
public sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;

/// <summary>An enum's camelCase name and back: the one spelling the API, the events and the database columns share.</summary>
public static class CamelCaseNames
{
    /// <summary><c>RecordPart.HealthRecord</c> as <c>healthRecord</c>.</summary>
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>The value named <paramref name="name"/> (as <see cref="Of{TEnum}"/> writes it); none for anything else, numbers included.</summary>
    public static TEnum? Parse<TEnum>(string? name) where TEnum : struct, Enum
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Of(value), name, StringComparison.Ordinal))
            {
                return value;
            }
        }

        return null;
    }
}
