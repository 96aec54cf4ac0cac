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

/// <summary>
/// <see cref="CamelCaseEnumConverter{TEnum}"/> for an enum that events once stored as numbers (it travelled before it had
/// a converter): writes the camelCase word like every other, and still reads the numbers of the rows stored before.
/// </summary>
public sealed class CamelCaseEnumReadingNumbersConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: true)
    where TEnum : struct, Enum;

/// <summary>
/// An enum's camelCase name and back: the one spelling the API, the events and the database columns share. The names
/// are worked out once per enum type, since the database columns convert with them on every row read and written.
/// </summary>
public static class CamelCaseNames
{
    /// <summary><c>RecordPart.HealthRecord</c> as <c>healthRecord</c>.</summary>
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Names<TEnum>.ByValue.TryGetValue(value, out var name) ? name : JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>The value named <paramref name="name"/> (as <see cref="Of{TEnum}"/> writes it); none for anything else, numbers included.</summary>
    public static TEnum? Parse<TEnum>(string? name) where TEnum : struct, Enum =>
        name is not null && Names<TEnum>.ByName.TryGetValue(name, out var value) ? value : null;

    private static class Names<TEnum> where TEnum : struct, Enum
    {
        public static readonly Dictionary<TEnum, string> ByValue = Enum.GetValues<TEnum>().Distinct()
            .ToDictionary(value => value, value => JsonNamingPolicy.CamelCase.ConvertName(value.ToString()));

        public static readonly Dictionary<string, TEnum> ByName = ByValue.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);
    }
}
