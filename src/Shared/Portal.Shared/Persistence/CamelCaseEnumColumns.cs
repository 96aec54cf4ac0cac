using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Portal.Shared.Abstractions;

namespace Portal.Shared.Persistence;

/// <summary>
/// Stores a vocabulary enum as its camelCase name (<c>healthRecord</c>), the word the API and the events use, so a
/// column that held those words as strings keeps exactly the same values once the property becomes an enum.
/// </summary>
public static class CamelCaseEnumColumns
{
    public static PropertyBuilder<TEnum> HasCamelCaseConversion<TEnum>(this PropertyBuilder<TEnum> property) where TEnum : struct, Enum =>
        property.HasConversion(new CamelCaseEnumValueConverter<TEnum>());

    public static PropertyBuilder<TEnum?> HasCamelCaseConversion<TEnum>(this PropertyBuilder<TEnum?> property) where TEnum : struct, Enum =>
        property.HasConversion(new CamelCaseEnumValueConverter<TEnum>());
}

/// <summary>An enum to its camelCase name and back; a stored name no value has fails loudly rather than read as another value.</summary>
public sealed class CamelCaseEnumValueConverter<TEnum>() : ValueConverter<TEnum, string>(
    value => CamelCaseNames.Of(value),
    name => Read(name))
    where TEnum : struct, Enum
{
    private static TEnum Read(string name) =>
        CamelCaseNames.Parse<TEnum>(name) ?? throw new InvalidOperationException($"'{name}' is not a {typeof(TEnum).Name}.");
}
